package mn.zasag.licences;

import java.time.LocalDateTime;

/** A booked slot of the driving test: the theory part or the driving part, for one category, at a centre. */
public record ExamBooking(long id, String holder, String category, Part part, String centre, LocalDateTime slot) {

    public enum Part { THEORY, DRIVING }
}
