package mn.zasag.applications.internal;

import mn.zasag.shared.Actor;

/** The engine itself, for automatic decisions: no account, the deciding agency. */
record SystemActor(String agencyCode) implements Actor {

    static final String LOGIN = "system:applications";

    @Override
    public Long accountId() {
        return null;
    }

    @Override
    public String login() {
        return LOGIN;
    }
}
