package care.messaging.directory.rest;

import care.messaging.directory.boundary.ClientImport;
import care.messaging.directory.boundary.ClientIntake;
import care.messaging.directory.entity.ClientRecord;
import care.messaging.directory.entity.ImportReport;
import care.messaging.directory.entity.PortalAccountView;
import care.messaging.platform.rest.Identities;
import care.messaging.platform.rest.Params;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Clients in and out of the practice's care, for its admins: add (one, or many from CSV), look up, co-guardians, discharge, re-admit. */
@Path("admin/clients")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ClientIntakeResource {

    public static final String CSV = "text/csv";

    @Inject
    ClientIntake intake;
    @Inject
    ClientImport imports;
    @Context
    SecurityContext security;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Admin: add a client (201) with a portal account of their own if an adult, or one or more guardians if a minor "
            + "(minor: the flag, else from dateOfBirth)")
    public Response add(ClientIntake.NewClientRequest body) {
        return Response.status(Response.Status.CREATED).entity(intake.add(Identities.of(security), Params.required(body))).build();
    }

    @POST
    @Path("import")
    @Consumes(CSV)
    @Operation(summary = "Admin: import clients from CSV (header row: name, date_of_birth, minor, email, guardian_name, guardian_email, "
            + "guardian2_name, guardian2_email). mode=preview creates nothing; all creates every line or none (400 when any is invalid); "
            + "valid-lines skips the invalid ones")
    public ImportReport importClients(@QueryParam("mode") String mode, String csv) {
        return imports.importClients(Identities.of(security), mode, csv);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Admin: a client's record: minor, date of birth, in care or discharged, portal accounts")
    public ClientRecord get(@PathParam("id") String id) {
        return intake.get(Identities.of(security), id);
    }

    @POST
    @Path("{id}/guardians")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Admin: add a co-guardian to a minor (201); they sign in once invited")
    public Response addGuardian(@PathParam("id") String id, ClientIntake.NewGuardianRequest body) {
        PortalAccountView guardian = intake.addGuardian(Identities.of(security), id, Params.required(body));
        return Response.status(Response.Status.CREATED).entity(guardian).build();
    }

    @POST
    @Path("{id}/discharge")
    @Operation(summary = "Admin: discharge a client: their portal accounts no longer act for them, nobody can write to them; history stays")
    public ClientRecord discharge(@PathParam("id") String id) {
        return intake.discharge(Identities.of(security), id);
    }

    @POST
    @Path("{id}/readmission")
    @Operation(summary = "Admin: re-admit a discharged client")
    public ClientRecord readmit(@PathParam("id") String id) {
        return intake.readmit(Identities.of(security), id);
    }
}
