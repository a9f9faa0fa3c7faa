package mn.zasag.identity;

/** A staff account created by an administrator. {@code agencyCode} is required for agency roles only. */
public record NewStaff(String login, Role role, String agencyCode, String familyName, String givenName,
                       String email, String password) {

    @Override
    public String toString() {
        return "NewStaff[" + login + ", " + role + ", " + agencyCode + "]";
    }
}
