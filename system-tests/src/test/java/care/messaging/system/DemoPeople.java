package care.messaging.system;

/**
 * The synthetic people of the demo data (messaging-web's DemoData, seeded by the standalone WAR: DemoSeed): their username is also the {@code sub}
 * of their tokens, and their role is the one entry of {@code groups}.
 */
enum DemoPeople implements Caller {
    RIVERA("dr.rivera", "practitioner", "Dr. Maria Rivera", DemoPeople.RIVERSIDE),
    CHEN("dr.chen", "practitioner", "Dr. Wei Chen", DemoPeople.RIVERSIDE),
    PARK("admin.park", "admin", "Jin Park", DemoPeople.RIVERSIDE),
    ALEX("alex.morgan", "client", "Alex Morgan", DemoPeople.RIVERSIDE),
    /** Guardian of the minor client Sam Lee. */
    JORDAN("jordan.lee", "client", "Jordan Lee", DemoPeople.RIVERSIDE),
    /** Has a portal account that was never signed up, so no subject links a token to it. */
    CASEY("casey.diaz", "client", "Casey Diaz", DemoPeople.RIVERSIDE),
    OKAFOR("dr.okafor", "practitioner", "Dr. Ngozi Okafor", DemoPeople.LAKESIDE),
    ROBIN("robin.hale", "client", "Robin Hale", DemoPeople.LAKESIDE),
    /** Hospital IT: runs keys and audit; belongs to no practice. */
    IT_OPS("it.ops", "operator", "Taylor Reed (hospital IT)", null);

    static final String RIVERSIDE = "Riverside Therapy";
    static final String LAKESIDE = "Lakeside Counseling";
    /** The minor client whose thread Jordan Lee writes in as guardian. */
    static final String SAM = "Sam Lee";

    final String username;
    final String role;
    final String displayName;
    final String practice;

    DemoPeople(String username, String role, String displayName, String practice) {
        this.username = username;
        this.role = role;
        this.displayName = displayName;
        this.practice = practice;
    }

    @Override
    public String subject() {
        return username;
    }

    @Override
    public String role() {
        return role;
    }
}
