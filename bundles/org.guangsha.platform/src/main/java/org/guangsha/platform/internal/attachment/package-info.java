/**
 * Uploaded files: what a file really is, judged from its bytes; refusing what is not an
 * intact JPG, PNG or PDF or could harm the people who open it; stripping image metadata before
 * anything is stored.
 */
package org.guangsha.platform.internal.attachment;
