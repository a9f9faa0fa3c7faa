package mn.zasag.applications;

import mn.zasag.shared.Actor;

import java.util.List;
import java.util.Map;

/**
 * What approving a service's application does in the owning registry. A form definition names its action
 * ({@code decision.action}); the engine finds the Spring bean with that {@link #name()}. The action calls the
 * owning registry's API (never its tables), inside the approval's transaction, so the registry change, the
 * application's new state and both audit records commit or fail together.
 */
public interface ApprovalAction {

    /** The name form definitions use, e.g. {@code vehicles.transfer-ownership}. */
    String name();

    /**
     * What stands in the way of approving now (shown to the officer before they decide), as message keys
     * or plain sentences; empty when nothing does. E.g. the seller no longer owns the vehicle.
     */
    default List<String> obstacles(Submitted application) {
        return List.of();
    }

    /**
     * Makes the change. Throws a {@link mn.zasag.shared.ProblemException} to refuse (the approval is rolled back
     * and the officer sees why).
     *
     * @param officer the deciding official, or a system actor for automatic decisions
     * @return facts for the issued document, label key → value (e.g. {@code plate} → {@code 1234УБА}), in order
     */
    Map<String, String> apply(Submitted application, Actor officer);
}
