package mn.zasag.demo;

import mn.zasag.exchange.Directory;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's exchange directory: every seeded agency as a GOV member (the codes are made up, 7 digits like a
 * state entity's registration number), the civil registry's four services under {@code MN/GOV/9011002/civil-registry}
 * and one service of each other base registry under its owning agency (e.g. {@code MN/GOV/9011006/vehicle-registry/vehicle}),
 * the portal's extra sources ({@code vehicles.by-owner}, {@code driving-licences.by-holder} under the police's
 * {@code licence-registry}),
 * and two clients allowed to call them all: the social insurance office's {@code MN/GOV/9011003/benefits} and the
 * portal's {@code MN/GOV/9011001/portal} (CITA runs it), through which online applications are pre-filled.
 */
@Component
class DemoDirectory {

    static final Map<String, String> MEMBER_CODES = new LinkedHashMap<>();

    static {
        MEMBER_CODES.put("CITA", "9011001");
        MEMBER_CODES.put("GASR", "9011002");
        MEMBER_CODES.put("GASI", "9011003");
        MEMBER_CODES.put("GASWS", "9011004");
        MEMBER_CODES.put("POLICE", "9011005");
        MEMBER_CODES.put("MRT", "9011006");
        MEMBER_CODES.put("GDT", "9011007");
        MEMBER_CODES.put("CUSTOMS", "9011008");
        MEMBER_CODES.put("NDC", "9011009");
    }

    private final Directory directory;

    DemoDirectory(Directory directory) {
        this.directory = directory;
    }

    void seed() {
        for (var agency : DemoData.AGENCIES) {
            String code = MEMBER_CODES.get(agency.code());
            if (code != null && directory.memberOfAgency(agency.code()).isEmpty()) {
                directory.registerMember("GOV", code, agency.nameMn(), agency.code());
            }
        }
        String registry = directory.addSubsystem("MN/GOV/9011002", "civil-registry", "Иргэний бүртгэл", null).id();
        String benefits = directory.addSubsystem("MN/GOV/9011003", "benefits", "Тэтгэмжийн систем", null).id();
        String portal = directory.addSubsystem("MN/GOV/9011001", "portal", "Төрийн үйлчилгээний портал", null).id();
        for (String provider : List.of("civil-registry.person", "civil-registry.address", "civil-registry.marital-status",
                "civil-registry.id-card-status")) {
            String service = directory.publish(registry, provider, null, null).id();
            if (provider.endsWith("id-card-status")) {
                directory.configure(service, "FULL", true, 5000, true, null);
            }
            directory.grant(service, null, benefits, null);
            directory.grant(service, null, portal, null);
        }
        // the other base registries, each under its owning agency, open to the same client
        String[][] registries = {
                {"MN/GOV/9011002", "entity-registry", "Хуулийн этгээдийн бүртгэл", "legal-entities.entity"},
                {"MN/GOV/9011002", "property-registry", "Эд хөрөнгийн бүртгэл", "property.by-owner"},
                {"MN/GOV/9011006", "vehicle-registry", "Тээврийн хэрэгслийн бүртгэл", "vehicles.vehicle"},
                {"MN/GOV/9011007", "tax-registry", "Татвар төлөгчийн бүртгэл", "tax.debt-status"},
                {"MN/GOV/9011003", "social-insurance", "Нийгмийн даатгал", "social-insurance.contributions"},
                {"MN/GOV/9011008", "customs", "Гаалийн өр", "customs.debt-status"}};
        for (String[] r : registries) {
            String subsystem = directory.addSubsystem(r[0], r[1], r[2], null).id();
            String service = directory.publish(subsystem, r[3], null, null).id();
            directory.grant(service, null, benefits, null);
            directory.grant(service, null, portal, null);
        }
        // what the portal pre-fills from besides: an owner's vehicles, a driver's licence
        String licences = directory.addSubsystem("MN/GOV/9011005", "licence-registry", "Жолоодох эрхийн бүртгэл", null).id();
        for (String service : List.of(directory.publish("MN/GOV/9011006/vehicle-registry", "vehicles.by-owner", null, null).id(),
                directory.publish(licences, "driving-licences.by-holder", null, null).id())) {
            directory.grant(service, null, benefits, null);
            directory.grant(service, null, portal, null);
        }
    }
}
