package mn.zasag.shared.web;

import org.springframework.http.HttpStatusCode;

/** Stable codes for problems that only a status describes; specific refusals bring their own code. */
final class ProblemCodes {

    private ProblemCodes() {
    }

    static String forStatus(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "bad_request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 409 -> "conflict";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            case 429 -> "too_many_requests";
            case 503 -> "unavailable";
            default -> status.is4xxClientError() ? "bad_request" : "internal_error";
        };
    }
}
