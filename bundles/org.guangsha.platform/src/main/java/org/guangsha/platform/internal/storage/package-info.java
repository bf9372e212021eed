/** Where the files of attachments and documents are kept on disk. */
package org.guangsha.platform.internal.storage;
