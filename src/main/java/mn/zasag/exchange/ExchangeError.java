package mn.zasag.exchange;

/**
 * An error that happened in the exchange itself rather than in the provider, answered with the
 * {@code X-Road-Error} header and a PR-REST error body {@code {type, message, detail}}. PR-REST (4.6) uses two
 * statuses: 400 when the client's request does not comply ({@code Client.*}), 500 when the exchange failed or
 * refused ({@code Server.ClientProxy.*}, {@code Server.ServerProxy.*}).
 */
public class ExchangeError extends RuntimeException {

    public static final String BAD_REQUEST = "Client.BadRequest";
    public static final String INVALID_CLIENT = "Client.InvalidClientIdentifier";
    public static final String PURPOSE_REQUIRED = "Client.PurposeRequired";
    public static final String CONSENT_REQUIRED = "Client.ConsentRequired";
    public static final String AUTHENTICATION_FAILED = "Server.ClientProxy.SslAuthenticationFailed";
    public static final String CLIENT_PROXY_INTERNAL = "Server.ClientProxy.InternalError";
    public static final String UNKNOWN_SERVICE = "Server.ServerProxy.UnknownService";
    public static final String ACCESS_DENIED = "Server.ServerProxy.AccessDenied";
    public static final String SERVICE_DISABLED = "Server.ServerProxy.ServiceDisabled";
    public static final String SERVICE_FAILED = "Server.ServerProxy.ServiceFailed";
    public static final String TIMEOUT = "Server.ServerProxy.NetworkError";
    public static final String SERVER_PROXY_INTERNAL = "Server.ServerProxy.InternalError";

    private final String type;

    public ExchangeError(String type, String message) {
        super(message);
        this.type = type;
    }

    /** The PR-REST error type, e.g. {@code Server.ServerProxy.AccessDenied}. */
    public String type() {
        return type;
    }

    public int status() {
        return type.startsWith("Client.") ? 400 : 500;
    }
}
