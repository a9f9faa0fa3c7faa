package mn.zasag.identity;

/** What an account shows of itself and to administrators; never the password hash. */
public record AccountSummary(long id, String login, Role role, String registerNumber, String familyName,
                             String givenName, String mobile, String email, String agencyCode, boolean enabled) {

    public String displayName() {
        return givenName + " " + familyName;
    }
}
