package org.guangsha.platform.internal.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import javax.ws.rs.Consumes;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.ext.MessageBodyReader;
import javax.ws.rs.ext.MessageBodyWriter;
import org.guangsha.platform.internal.platform.PlatformConstants;
import org.guangsha.platform.rest.GuangshaRest;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsMediaType;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * JSON for the {@code guangsha} application: Jackson with ISO-8601 times (instants in the city's
 * offset), records, no nulls, and unknown fields refused (a typo in a field name must not be
 * silently ignored). Also writes {@code application/problem+json}.
 */
@Component(service = {MessageBodyReader.class, MessageBodyWriter.class})
@JaxrsExtension
@JaxrsName("guangsha.json")
@JaxrsMediaType(MediaType.APPLICATION_JSON)
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
@Consumes({MediaType.APPLICATION_JSON, "application/*+json", "text/json"})
@Produces({MediaType.APPLICATION_JSON, "application/*+json", "text/json"})
public class JsonProvider extends JacksonJsonProvider {

    /** Configures the shared mapper. */
    public JsonProvider() {
        super(objectMapper());
    }

    /** The mapper the platform uses for REST bodies; tests use it to see what clients see. */
    public static ObjectMapper objectMapper() {
        // Instants are written as the city reads them (ISO-8601 with the city's offset, +08:00),
        // the same as the OffsetDateTime values resources build with RestSupport.cityTime.
        SimpleModule cityTime = new SimpleModule("guangsha-city-time");
        cityTime.addSerializer(
                Instant.class,
                new JsonSerializer<Instant>() {
                    @Override
                    public void serialize(
                            Instant value, JsonGenerator gen, SerializerProvider serializers)
                            throws IOException {
                        gen.writeString(
                                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                                        value.atZone(PlatformConstants.CITY_ZONE)));
                    }
                });
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(cityTime)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }
}
