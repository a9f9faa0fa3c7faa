package mn.zasag.applications.internal.actions;

import mn.zasag.applications.Submitted;
import mn.zasag.shared.Actor;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** What every action needs from an application: its answers as values, the legal basis, the acting official. */
final class Answers {

    private Answers() {
    }

    /** The legal basis a registry change cites: the application it was decided on. */
    static String basis(Submitted application) {
        return "Цахим өргөдөл " + application.reference() + " (" + application.serviceCode() + ")";
    }

    static String text(Submitted application, String question) {
        String value = application.answer(question);
        return value == null || value.isBlank() ? null : value.strip();
    }

    static String required(Submitted application, String question) {
        String value = text(application, question);
        if (value == null) {
            throw new ActionRefused("answer_missing", question);
        }
        return value;
    }

    static LocalDate date(Submitted application, String question) {
        String value = text(application, question);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new ActionRefused("answer_missing", question);
        }
    }

    static BigDecimal amount(Submitted application, String question) {
        String value = required(application, question);
        try {
            return new BigDecimal(value.replace(" ", ""));
        } catch (NumberFormatException e) {
            throw new ActionRefused("answer_missing", question);
        }
    }

    /** A decision field the officer answered ({@code decision.<id>}). */
    static String decision(Submitted application, String field) {
        return text(application, "decision." + field);
    }

    /**
     * The official the registry sees: the deciding officer, or for an automatic decision the system acting for
     * the service's agency (a system actor carries no agency of its own).
     */
    static Actor acting(Actor officer, Submitted application) {
        if (officer != null && officer.agencyCode() != null) {
            return officer;
        }
        String login = officer == null || officer.login() == null ? "system" : officer.login();
        String agency = application.agencyCode();
        return new Actor() {
            @Override
            public Long accountId() {
                return officer == null ? null : officer.accountId();
            }

            @Override
            public String login() {
                return login;
            }

            @Override
            public String agencyCode() {
                return agency;
            }
        };
    }
}
