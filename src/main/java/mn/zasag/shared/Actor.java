package mn.zasag.shared;

/**
 * Who is acting, as the security context knows them. The identity module's principal implements it so
 * that modules below identity (audit, for one) can name the actor without depending on identity.
 */
public interface Actor {

    /** The account's id, or null for a system actor. */
    Long accountId();

    /** The login name (register number for citizens, user name for staff). */
    String login();

    /** The agency code of an official, or null for citizens and platform staff. */
    String agencyCode();
}
