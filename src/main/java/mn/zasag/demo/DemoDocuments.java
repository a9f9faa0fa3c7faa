package mn.zasag.demo;

import mn.zasag.documents.Documents;
import mn.zasag.documents.IssuedDocument;
import mn.zasag.documents.NewDocument;
import mn.zasag.registry.CivilRegistry;
import mn.zasag.registry.Person;
import org.springframework.stereotype.Component;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo citizen's wallet is not empty: the civil registration office (GASR) has issued him a marital status
 * reference, in Mongolian and English, sealed like any other (one B-LT seal each, well under a second).
 */
@Component
class DemoDocuments {

    private final Documents documents;
    private final CivilRegistry registry;

    DemoDocuments(Documents documents, CivilRegistry registry) {
        this.documents = documents;
        this.registry = registry;
    }

    IssuedDocument seed() {
        Person citizen = registry.own(DemoPopulation.DEMO_CITIZEN).orElseThrow();
        List<NewDocument.Line> lines = new ArrayList<>();
        if (citizen.spouse() != null) {
            Person spouse = registry.own(citizen.spouse()).orElseThrow();
            lines.add(new NewDocument.Line("Гэрлэлтийн байдал", "Marital status", "Гэрлэсэн / Married"));
            lines.add(new NewDocument.Line("Эхнэр, нөхөр", "Spouse", spouse.fullName() + " (" + spouse.registerNumber() + ")"));
        } else {
            lines.add(new NewDocument.Line("Гэрлэлтийн байдал", "Marital status", "Гэрлээгүй / Not married"));
        }
        lines.add(new NewDocument.Line("Төрсөн огноо", "Date of birth", DateTimeFormatter.ISO_LOCAL_DATE.format(citizen.birthDate())));
        lines.add(new NewDocument.Line("Лавлагааны зорилго", "Purpose", "Банкны зээлийн өргөдөлд / For a bank loan application"));
        return documents.issue(new NewDocument("civil.reference.marital-status", "GASR", citizen.registerNumber(),
                "Гэрлэлтийн байдлын лавлагаа", "Marital status reference", lines, true, "DEMO-GASR-MARITAL-1"));
    }
}
