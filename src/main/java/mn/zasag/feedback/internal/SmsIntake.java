package mn.zasag.feedback.internal;

import mn.zasag.feedback.CaseKind;
import mn.zasag.feedback.IntakeChannel;
import mn.zasag.feedback.NewCase;
import mn.zasag.notifications.InboundSms;
import mn.zasag.notifications.InboundSmsHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import mn.zasag.shared.MobileNumber;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Set;

/**
 * SMS to 141111: the text becomes a case in category {@code other} (the centre's operators re-route it),
 * and the sender gets its reference by SMS. The inbound message's id is the case's source key, so a
 * message handed over again files nothing new. A flood from one number or an empty text files nothing and
 * is not retried.
 */
@Component
class SmsIntake implements InboundSmsHandler {

    static final String SHORT_NUMBER = "141111";
    private static final Logger log = LoggerFactory.getLogger(SmsIntake.class);

    private final FeedbackCases cases;
    private final FloodGuard floods;
    private final Clock clock;

    SmsIntake(FeedbackCases cases, FloodGuard floods, Clock clock) {
        this.cases = cases;
        this.floods = floods;
        this.clock = clock;
    }

    @Override
    public Set<String> shortNumbers() {
        return Set.of(SHORT_NUMBER);
    }

    @Override
    @Transactional
    public void handle(InboundSms sms) {
        String text = sms.text() == null ? "" : sms.text().strip();
        if (text.length() > FeedbackCases.MAX_TEXT) {
            text = text.substring(0, FeedbackCases.MAX_TEXT);
        }
        String source = "sms:" + sms.id();
        // refusals are decided before filing: a refusal inside would doom the dispatcher's transaction,
        // and a message refused for its content or its sender's flood would only be refused again
        if (text.isEmpty() || cases.alreadyFiled(source)) {
            log.info("SMS {} to {} files no case: {}", sms.id(), SHORT_NUMBER, text.isEmpty() ? "empty" : "already filed");
            return;
        }
        String phone = MobileNumber.normalize(sms.from()).orElse(null);
        if (!floods.allows("sms:" + sms.from(), OffsetDateTime.now(clock))) {
            log.info("SMS {} to {} files no case: flood from one number", sms.id(), SHORT_NUMBER);
            return;
        }
        boolean latin = text.chars().noneMatch(ch -> ch >= 0x0400 && ch <= 0x04FF);
        cases.file(new NewCase(CaseKind.COMPLAINT, "other", null, null, null, text, null, phone, null, null,
                IntakeChannel.SMS, latin ? "en" : "mn", false, source, "sms:" + sms.from()), "sms");
    }
}
