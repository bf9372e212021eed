/**
 * The materials of an application (申请材料, DOMAIN.md JX-8): the checklist the category and the family
 * decide, filing the applicant's attachments (earlier uploads, electronic licences, new uploads)
 * with the case, and what is still missing when the application is submitted.
 */
package org.guangsha.jiangxi.application.internal.materials;
