package org.guangsha.platform.internal.attachment;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Upload rules a city may change in {@code etc/org.guangsha.attachments.cfg}. */
@ObjectClassDefinition(
        id = AttachmentConfiguration.PID,
        name = "Guangsha attachments",
        description = "Which files citizens may upload, and how large")
public @interface AttachmentConfiguration {

    /** The configuration PID. */
    String PID = "org.guangsha.attachments";

    @AttributeDefinition(description = "Allowed file types: any of jpg, png, pdf")
    String[] allowed_types() default {"jpg", "png", "pdf"};

    @AttributeDefinition(description = "Largest upload in bytes (seed 000 §6: 1 MB)")
    long max_bytes() default 1024 * 1024;

    @AttributeDefinition(description = "Largest image side in pixels (refused before decoding)")
    int max_image_side() default 10000;

    @AttributeDefinition(description = "Largest image in megapixels (refused before decoding)")
    int max_megapixels() default 40;

    @AttributeDefinition(description = "Most pages of an uploaded PDF")
    int max_pdf_pages() default 100;

    @AttributeDefinition(description = "Largest electronic licence in bytes")
    long licence_max_bytes() default 5 * 1024 * 1024;
}
