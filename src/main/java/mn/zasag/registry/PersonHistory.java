package mn.zasag.registry;

import java.util.List;

/** A person as the registry holds them now, with the civil events that made them so, oldest first. */
public record PersonHistory(Person person, List<CivilEvent> events) {
}
