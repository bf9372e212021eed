package org.guangsha.platform.internal.document;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Documents and signing, {@code etc/org.guangsha.documents.cfg} (P-1 … P-3). */
@ObjectClassDefinition(
        id = DocumentConfiguration.PID,
        name = "Guangsha documents and signing",
        description = "Public address of the verification page, the city's signing key")
public @interface DocumentConfiguration {

    /** The configuration PID. */
    String PID = "org.guangsha.documents";

    @AttributeDefinition(
            description =
                    "The address citizens and third parties reach the platform at; QR codes lead"
                            + " to <this>/verify/<number>")
    String public_base_url() default "http://localhost:8181";

    @AttributeDefinition(
            description = "The city's PKCS#12 keystore for signing PDFs; relative to Karaf's etc/")
    String keystore_path() default "guangsha/signing.p12";

    @AttributeDefinition(
            description = "The keystore's password",
            type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
    String keystore_password() default "guangsha-demo";

    @AttributeDefinition(description = "The alias of the signing key in the keystore")
    String keystore_alias() default "city-seal";

    @AttributeDefinition(
            description =
                    "Create a demo key (marked as not legally valid) when the keystore is missing."
                            + " A city with its own key sets this to false.")
    boolean keystore_create_demo() default true;

    @AttributeDefinition(description = "The city's name in the demo key and in signatures")
    String city_name() default "广厦示范城市";

    @AttributeDefinition(description = "How long a signing ceremony may take, in minutes")
    int signing_minutes() default 60;
}
