/**
 * The authorization commitment letter (授权承诺书, DOMAIN.md JX-7): printed unsigned for the PC path,
 * signed on screen and issued by the core's documents on the mobile path, or a photo of the signed
 * paper uploaded.
 */
package org.guangsha.jiangxi.application.internal.commitment;
