package mn.zasag.applications.internal.actions;

import mn.zasag.applications.ApprovalAction;
import mn.zasag.applications.Submitted;
import mn.zasag.licences.DrivingLicences;
import mn.zasag.licences.ExamBooking;
import mn.zasag.shared.Actor;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/** POLICE-DL-005, decided at once: the first free slot of the chosen test part at the chosen centre. */
@Component
class BookExam implements ApprovalAction {

    private final DrivingLicences licences;
    private final Labels labels;

    BookExam(DrivingLicences licences, Labels labels) {
        this.labels = labels;
        this.licences = licences;
    }

    @Override
    public String name() {
        return "licences.book-exam";
    }

    @Override
    public Map<String, String> apply(Submitted application, Actor officer) {
        ExamBooking.Part part;
        try {
            part = ExamBooking.Part.valueOf(Answers.required(application, "part"));
        } catch (IllegalArgumentException e) {
            throw new ActionRefused("answer_missing", "part");
        }
        ExamBooking b = licences.bookExam(application.applicant(), Answers.required(application, "category"), part,
                Answers.required(application, "centre"), Answers.date(application, "preferredDate"),
                Answers.acting(officer, application));
        Map<String, String> out = new LinkedHashMap<>();
        out.put("fact.category", b.category());
        out.put("fact.examPart", labels.of(b.part().name()));
        out.put("fact.centre", DrivingLicences.EXAM_CENTRES.get(b.centre()));
        out.put("fact.date", b.slot().toLocalDate().toString());
        out.put("fact.time", b.slot().toLocalTime().toString());
        out.put("fact.booking", Long.toString(b.id()));
        return out;
    }
}
