package care.messaging.system;

/** Someone the tests call the API as: the {@code sub} of their tokens and the one entry of {@code groups}. */
interface Caller {

    String subject();

    String role();
}
