/**
 * The Jiangxi one-stop public rental application line (DOMAIN.md section 4): consent, region, face
 * check, the four-step form, materials, submission to county then city review, withdrawal and
 * counter filing.
 */
package org.guangsha.jiangxi.application.internal;
