package mn.zasag.applications.internal.actions;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * Coded facts (a status, a kind, a reason) as the document prints them: «Гэрлээгүй / Never married», from the
 * {@code fact.value.<CODE>} texts; the code itself when there is no text.
 */
@Component
class Labels {

    private static final Locale MONGOLIAN = Locale.forLanguageTag("mn");

    private final MessageSource messages;

    Labels(MessageSource messages) {
        this.messages = messages;
    }

    String of(String code) {
        String mn = messages.getMessage("fact.value." + code, null, code, MONGOLIAN);
        String en = messages.getMessage("fact.value." + code, null, code, Locale.ENGLISH);
        return mn.equals(en) ? mn : mn + " / " + en;
    }
}
