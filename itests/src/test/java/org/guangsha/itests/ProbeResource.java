package org.guangsha.itests;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/**
 * A resource the tests register from their own bundle, as a business bundle would: it proves that
 * resources of any bundle join the application, and gives the error mapping a JSON body to read.
 */
@Path("itest-probe")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProbeResource {

    /** A small input with a text and a number, to get wrong in every way. */
    public record Applicant(String name, int familySize) {}

    @POST
    @Path("applicants")
    public Applicant echo(Applicant applicant) {
        return applicant;
    }

    @GET
    @Path("failure")
    public String failure() {
        throw new IllegalStateException("secret internal detail 42");
    }
}
