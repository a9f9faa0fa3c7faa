package mn.zasag.applications.internal;

/**
 * An answer the engine refuses: the question (the field the error summary links to), a message key with its
 * arguments, or a text the form itself gives ({@code patternMessage}).
 */
public record AnswerError(String question, String key, Object[] args, FormDefinition.Text text) {

    static AnswerError of(String question, String key, Object... args) {
        return new AnswerError(question, "applications.error." + key, args, null);
    }
}
