package mn.zasag.feedback;

/** How a case reached the centre; the answer goes back the same way. */
public enum IntakeChannel {
    WEB, SMS, PHONE, EMAIL, WALK_IN, KIOSK, OPEN311
}
