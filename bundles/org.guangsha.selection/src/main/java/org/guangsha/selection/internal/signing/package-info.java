/**
 * Signing after selection (网上签约, DOMAIN.md S-12) and materials (材料管理, S-13): the main applicant of
 * a family with a unit confirms the mobile, gives the rent collection details, passes the face
 * check and signs the lease in the core's ceremony, pays the deposit by QR code from another device
 * and submits; the review's approval issues the occupancy notice.
 */
package org.guangsha.selection.internal.signing;
