package mn.zasag.applications;

import java.util.Map;

/**
 * An application as an approval action sees it.
 *
 * @param reference        e.g. {@code A-2611-000123}
 * @param serviceCode      the catalogue service
 * @param agencyCode       the deciding agency
 * @param applicant        the applicant's register number
 * @param applicantAccount the applicant's account id
 * @param answers          question id → answer as text (dates ISO yyyy-MM-dd, yes/no as {@code yes}/{@code no},
 *                         attachments as their stored ids); pre-filled answers included as confirmed
 */
public record Submitted(String reference, String serviceCode, String agencyCode, String applicant, long applicantAccount,
                        Map<String, String> answers) {

    public String answer(String question) {
        return answers.get(question);
    }
}
