/**
 * Cases, the spine every business line stands on (DOMAIN.md C-1 … C-3): every application is a case
 * with a type, an applicant, a region, a status, a review level and a timeline; caseworkers of the
 * case's region work a queue; citizens follow progress live and may withdraw. A line registers its
 * {@link org.guangsha.platform.casework.CaseType case types} and owns its own form data.
 */
@Version("1.0.0")
package org.guangsha.platform.casework;

import org.osgi.annotation.versioning.Version;
