package care.messaging.system;

import static care.messaging.system.DemoPeople.RIVERSIDE;

/** A conversation of a test's own: a new practitioner and a new adult client with their portal account. */
record SeededThread(String id, SeededPeople.Person practitioner, SeededPeople.Client client, SeededPeople.Person portal) {

    static SeededThread start(Api api, SeededPeople people, String practitionerName, String clientName) {
        var practitioner = people.practitioner(RIVERSIDE, practitionerName);
        var client = people.client(RIVERSIDE, clientName, false);
        var portal = people.portal(client, "self", clientName);
        return new SeededThread(api.start(practitioner, client.id().toString()), practitioner, client, portal);
    }

    String messagesPath() {
        return "/conversations/" + id + "/messages";
    }
}
