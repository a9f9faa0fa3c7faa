/**
 * Accounts of citizens, officials and administrators; registration, login and logout; roles and the
 * permissions they grant; personal access tokens for scripts. The platform's security configuration
 * lives here too, since it is the one place that knows how a request proves who it is.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package mn.zasag.identity;
