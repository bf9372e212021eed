package org.guangsha.platform.internal.storage;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Where files are kept, {@code etc/org.guangsha.storage.cfg}. */
@ObjectClassDefinition(
        id = StorageConfiguration.PID,
        name = "Guangsha file storage",
        description = "The directory that holds uploaded files and issued PDFs")
public @interface StorageConfiguration {

    /** The configuration PID. */
    String PID = "org.guangsha.storage";

    @AttributeDefinition(
            description =
                    "Directory of the files; empty means data/guangsha/files under Karaf's data"
                            + " directory. Several nodes must share it (e.g. NFS).")
    String directory() default "";
}
