package mn.zasag.demo;

import mn.zasag.catalog.Agencies;
import mn.zasag.catalog.Agency;
import mn.zasag.identity.Accounts;
import mn.zasag.identity.DemoTokens;
import mn.zasag.identity.NewCitizen;
import mn.zasag.identity.NewStaff;
import mn.zasag.identity.Role;
import mn.zasag.registry.Person;
import mn.zasag.shared.RegisterNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Seeds a fresh database with the seed's agencies, one demo account per role, a small civil registry
 * population and legal entities and property for them.
 */
@Component
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    /** Documented in the README; only ever created in demo mode. */
    static final String PASSWORD = "Zasag-Demo-2026";

    /** The organisations the seed (egov-mongolia-2017) names. */
    static final List<Agency> AGENCIES = List.of(
            new Agency("CITA", "Харилцаа холбоо, мэдээллийн технологийн газар", "Communications and Information Technology Authority"),
            new Agency("GASR", "Улсын бүртгэлийн ерөнхий газар", "General Authority for State Registration"),
            new Agency("GASI", "Нийгмийн даатгалын ерөнхий газар", "General Authority for Social Insurance"),
            new Agency("GASWS", "Хөдөлмөр, халамжийн үйлчилгээний ерөнхий газар", "General Authority for Social Welfare Services"),
            new Agency("POLICE", "Цагдаагийн ерөнхий газар", "General Police Department"),
            new Agency("MRT", "Зам, тээврийн хөгжлийн яам", "Ministry of Road and Transport"),
            new Agency("GDT", "Татварын ерөнхий газар", "General Department of Taxation"),
            new Agency("CUSTOMS", "Гаалийн ерөнхий газар", "Customs General Administration"),
            new Agency("NDC", "Үндэсний дата төв", "National Data Center"));

    private final JdbcClient jdbc;
    private final Agencies agencies;
    private final Accounts accounts;
    private final DemoTokens tokens;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final DemoPopulation population;
    private final DemoEntities entities;
    private final DemoHoldings holdings;
    private final DemoDirectory directory;
    private final DemoDocuments documents;
    private final DemoLicences licences;
    private final boolean enabled;

    DemoData(JdbcClient jdbc, Agencies agencies, Accounts accounts, DemoTokens tokens, Clock clock,
             TransactionTemplate transaction, DemoPopulation population, DemoEntities entities, DemoHoldings holdings,
             DemoDirectory directory, DemoDocuments documents, DemoLicences licences, @Value("${zasag.demo:true}") boolean enabled) {
        this.documents = documents;
        this.licences = licences;
        this.transaction = transaction;
        this.population = population;
        this.entities = entities;
        this.holdings = holdings;
        this.directory = directory;
        this.jdbc = jdbc;
        this.agencies = agencies;
        this.accounts = accounts;
        this.tokens = tokens;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        // one transaction: a crash half-way leaves no marker, so the next start seeds again from scratch
        if (Boolean.TRUE.equals(transaction.execute(status -> seed()))) {
            log.info("""
                    Demo data seeded. Demo logins (password {} for all):
                      citizen         УБ90052114   (Бат-Эрдэнэ Болд)       token zsg_demo_citizen
                      officer         officer      (GASR)                  token zsg_demo_officer
                      agency admin    agencyadmin  (GASR)                  token zsg_demo_agencyadmin
                      platform admin  admin                                token zsg_demo_admin
                      vehicles        mrt-officer  (MRT)                   token zsg_demo_mrt
                      tax             gdt-officer  (GDT)                   token zsg_demo_gdt
                      social insur.   gasi-officer (GASI)                  token zsg_demo_gasi (also the exchange client MN/GOV/9011003/benefits)
                      customs         customs-officer (CUSTOMS)            token zsg_demo_customs
                      licences        police-officer (POLICE)              token zsg_demo_police (decides licence applications)
                      social welfare  gasws-officer (GASWS)                token zsg_demo_gasws (decides welfare applications)
                      11-11 operator  operator     (CITA)                  token zsg_demo_operator""", PASSWORD);
        }
    }

    private boolean seed() {
        int claimed = jdbc.sql("insert into demo.seeding (id, seeded_at) values (1, :now) on conflict do nothing")
                .param("now", OffsetDateTime.now(clock)).update();
        if (claimed == 0) {
            return false;
        }
        AGENCIES.stream().filter(a -> agencies.find(a.code()).isEmpty()).forEach(agencies::register);
        long citizen = accounts.registerCitizen(new NewCitizen(RegisterNumber.parse("УБ90052114", clock),
                "Болд", "Бат-Эрдэнэ", "+97699112233", "bat-erdene@example.mn", PASSWORD));
        long officer = accounts.createStaff(new NewStaff("officer", Role.OFFICER, "GASR", "Дорж", "Сарангэрэл",
                "officer@example.mn", PASSWORD));
        long agencyAdmin = accounts.createStaff(new NewStaff("agencyadmin", Role.AGENCY_ADMIN, "GASR", "Ганбат", "Оюунчимэг",
                "agencyadmin@example.mn", PASSWORD));
        long admin = accounts.createStaff(new NewStaff("admin", Role.PLATFORM_ADMIN, null, "Нямдорж", "Тэмүүлэн",
                "admin@example.mn", PASSWORD));
        // the 11-11 centre is run by CITA: its officers record calls and walk-ins and re-route cases
        long operator = accounts.createStaff(new NewStaff("operator", Role.OFFICER, "CITA", "Энх", "Мөнхзул",
                "operator@example.mn", PASSWORD));
        tokens.grant(citizen, "zsg_demo_citizen");
        tokens.grant(operator, "zsg_demo_operator");
        tokens.grant(officer, "zsg_demo_officer");
        tokens.grant(agencyAdmin, "zsg_demo_agencyadmin");
        tokens.grant(admin, "zsg_demo_admin");
        for (String[] o : new String[][] {{"mrt-officer", "MRT", "Ганболд", "Энхжин", "zsg_demo_mrt"},
                {"gdt-officer", "GDT", "Лхагва", "Номин", "zsg_demo_gdt"},
                {"gasi-officer", "GASI", "Баасан", "Түвшин", "zsg_demo_gasi"},
                {"customs-officer", "CUSTOMS", "Пүрэв", "Батжаргал", "zsg_demo_customs"},
                {"police-officer", "POLICE", "Ганзориг", "Мөнх-Очир", "zsg_demo_police"},
                {"gasws-officer", "GASWS", "Цэрэн", "Ариунаа", "zsg_demo_gasws"}}) {
            long id = accounts.createStaff(new NewStaff(o[0], Role.OFFICER, o[1], o[2], o[3], o[0] + "@example.mn", PASSWORD));
            tokens.grant(id, o[4]);
        }
        List<Person> people = population.seed();
        entities.seed(people);
        holdings.seed(people);
        licences.seed(people);
        directory.seed();
        documents.seed();
        return true;
    }
}
