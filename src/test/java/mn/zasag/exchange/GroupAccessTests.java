package mn.zasag.exchange;

import jakarta.servlet.http.Cookie;
import mn.zasag.Fixtures;
import mn.zasag.WebSessions;
import mn.zasag.ZasagTest;
import mn.zasag.catalog.Agencies;
import mn.zasag.identity.Accounts;
import mn.zasag.identity.DemoTokens;
import mn.zasag.identity.Role;
import mn.zasag.registry.CivilRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Access rights granted to groups of client subsystems (X-Road's global and local groups). */
@ZasagTest
class GroupAccessTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Agencies agencies;
    @Autowired
    Accounts accounts;
    @Autowired
    DemoTokens tokens;
    @Autowired
    Directory directory;
    @Autowired
    CivilRegistry registry;
    @Autowired
    Exchange exchange;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    ExchangeFixtures.Party provider;
    ExchangeFixtures.Party client;
    String service;
    String rn;

    @BeforeEach
    void aProviderPublishesAServiceThatNobodyIsGrantedYet() {
        provider = ExchangeFixtures.party(agencies, accounts, tokens, directory, "civil-registry");
        client = ExchangeFixtures.party(agencies, accounts, tokens, directory, "benefits");
        service = directory.publish(provider.subsystemId(), "civil-registry.person", null, null).id();
        rn = ExchangeFixtures.person(agencies, registry);
    }

    private Exchange.Response read() {
        return exchange.call("test", client.subsystemId(), service, Exchange.Request.get("/" + rn, "Бүлгийн шалгалт"));
    }

    @Test
    void aGroupGrantHoldsForItsMembersFromTheNextCallAndEndsWhenAMemberIsRemoved() throws Exception {
        Directory.Group group = directory.createGroup("GLOBAL", null, "g" + ExchangeFixtures.memberCode(), "Нийгмийн хамгааллын байгууллагууд", null);
        directory.grantToGroup(service, null, group.id(), null);
        assertThat(read().error()).isEqualTo("Server.ServerProxy.AccessDenied");

        directory.addGroupMember(group.id(), client.subsystemId(), null);
        Exchange.Response ok = read();
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.text()).contains(rn);
        assertThat(directory.rights(service)).singleElement().satisfies(r -> {
            assertThat(r.groupId()).isEqualTo(group.id());
            assertThat(r.clientId()).isNull();
            assertThat(r.grantee()).isEqualTo("MN:" + group.code());
        });
        mvc.perform(get("/r1/" + provider.subsystemId() + "/allowedMethods").header("Authorization", "Bearer " + client.token())
                        .header("X-Road-Client", client.subsystemId()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.service.length()").value(1))
                .andExpect(jsonPath("$.service[0].service_code").value("person"));

        directory.removeGroupMember(group.id(), client.subsystemId(), null);
        assertThat(read().error()).isEqualTo("Server.ServerProxy.AccessDenied");
        mvc.perform(get("/r1/" + provider.subsystemId() + "/allowedMethods").header("Authorization", "Bearer " + client.token())
                        .header("X-Road-Client", client.subsystemId()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.service.length()").value(0));

        for (String action : new String[]{"exchange.group.created", "exchange.group.member_added", "exchange.group.member_removed"}) {
            assertThat(jdbc.sql("select count(*) from audit.entry where action = :a and object_id = :id")
                    .param("a", action).param("id", Long.toString(group.id())).query(Long.class).single()).as(action).isEqualTo(1);
        }
        assertThat(jdbc.sql("select details::text from audit.entry where action = 'exchange.access.granted' and object_id = :s")
                .param("s", service).query(String.class).single()).contains("MN:" + group.code());
    }

    @Test
    void revokingTheGroupsRightDeniesItsMembers() {
        Directory.Group group = directory.createGroup("GLOBAL", null, "g" + ExchangeFixtures.memberCode(), null, null);
        directory.addGroupMember(group.id(), client.subsystemId(), null);
        Directory.AccessRight right = directory.grantToGroup(service, null, group.id(), null);
        assertThat(read().ok()).isTrue();
        directory.revoke(right.id(), null);
        assertThat(read().error()).isEqualTo("Server.ServerProxy.AccessDenied");
    }

    @Test
    void aLocalGroupServesOnlyItsOwnersServicesAndOnlyItsOwnersAdminManagesIt() {
        Directory.Group local = directory.createGroup("LOCAL", provider.memberId(), "partners", "Түншүүд", provider.agency());
        assertThat(local.name()).isEqualTo(provider.memberId() + ":partners");
        directory.addGroupMember(local.id(), client.subsystemId(), provider.agency());
        directory.grantToGroup(service, null, local.id(), provider.agency());
        assertThat(read().ok()).isTrue();

        ExchangeFixtures.Party other = ExchangeFixtures.party(agencies, accounts, tokens, directory, "tax");
        String foreign = directory.publish(other.subsystemId(), "civil-registry.address", null, null).id();
        assertThat(refusal(() -> directory.grantToGroup(foreign, null, local.id(), null))).isEqualTo("exchange_group_invalid");
        assertThat(refusal(() -> directory.addGroupMember(local.id(), other.subsystemId(), other.agency()))).isEqualTo("exchange_not_your_member");
        assertThat(refusal(() -> directory.createGroup("GLOBAL", null, "g" + ExchangeFixtures.memberCode(), null, provider.agency())))
                .isEqualTo("exchange_not_your_member");
        assertThat(refusal(() -> directory.createGroup("LOCAL", provider.memberId(), "partners", null, null))).isEqualTo("exchange_group_exists");
    }

    @Test
    void badInputIsAProblemOverTheApi() throws Exception {
        String token = adminToken();
        String code = "g" + ExchangeFixtures.memberCode();
        String created = mvc.perform(post("/api/v1/exchange/groups").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"GLOBAL\",\"code\":\"" + code + "\",\"description\":\"Банкууд\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.name").value("MN:" + code)).andReturn().getResponse().getContentAsString();
        long id = json.readTree(created).get("id").asLong();
        mvc.perform(post("/api/v1/exchange/groups").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"GLOBAL\",\"code\":\"" + code + "\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("exchange_group_exists"));
        mvc.perform(post("/api/v1/exchange/groups").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"PLANET\",\"code\":\"x1\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("exchange_group_invalid"));

        mvc.perform(post("/api/v1/exchange/groups/" + id + "/members").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"subsystemId\":\"" + client.subsystemId() + "\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.members[0]").value(client.subsystemId()));
        mvc.perform(post("/api/v1/exchange/groups/" + id + "/members").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"subsystemId\":\"" + client.subsystemId() + "\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("exchange_group_member_exists"));
        mvc.perform(post("/api/v1/exchange/groups/" + id + "/members").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"subsystemId\":\"MN/GOV/0000000/nobody\"}"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("exchange_subsystem_not_found"));
        mvc.perform(post("/api/v1/exchange/groups/999999999/members").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"subsystemId\":\"" + client.subsystemId() + "\"}"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("exchange_group_not_found"));
        mvc.perform(get("/api/v1/exchange/groups/999999999").header("Authorization", "Bearer " + token))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("exchange_group_not_found"));

        mvc.perform(post("/api/v1/exchange/rights").header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"serviceId\":\"" + service + "\",\"groupId\":999999999}"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("exchange_group_not_found"));
        mvc.perform(post("/api/v1/exchange/rights").header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"serviceId\":\"" + service + "\",\"groupId\":" + id + ",\"clientId\":\"" + client.subsystemId() + "\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("exchange_right_invalid"));
        mvc.perform(post("/api/v1/exchange/rights").header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"serviceId\":\"" + service + "\",\"groupId\":" + id + "}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.groupId").value(id));
        mvc.perform(post("/api/v1/exchange/rights").header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"serviceId\":\"" + service + "\",\"groupId\":" + id + "}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("exchange_right_exists"));
        assertThat(read().ok()).isTrue();

        mvc.perform(delete("/api/v1/exchange/groups/" + id + "/members").param("subsystemId", client.subsystemId())
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andExpect(jsonPath("$.members.length()").value(0));
        assertThat(read().error()).isEqualTo("Server.ServerProxy.AccessDenied");
        mvc.perform(delete("/api/v1/exchange/groups/" + id + "/members").param("subsystemId", client.subsystemId())
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("exchange_group_member_not_found"));
    }

    @Test
    void anAgencyAdminCreatesALocalGroupOnThePageAndGrantsItTheirService() throws Exception {
        Cookie admin = WebSessions.login(mvc, Fixtures.staff(accounts, Role.AGENCY_ADMIN, provider.agency()));
        mvc.perform(post("/admin/exchange/groups").cookie(admin).with(csrf()).param("kind", "LOCAL").param("ownerMemberId", provider.memberId())
                .param("code", "pension-partners").param("description", "Тэтгэврийн түншүүд")).andExpect(status().is3xxRedirection());
        Directory.Group group = directory.groups().stream().filter(g -> provider.memberId().equals(g.ownerMemberId())).findFirst().orElseThrow();
        mvc.perform(post("/admin/exchange/groups/members").cookie(admin).with(csrf()).param("groupId", Long.toString(group.id()))
                .param("subsystemId", client.subsystemId())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/exchange/rights/group").cookie(admin).with(csrf()).param("serviceId", service)
                .param("groupId", Long.toString(group.id()))).andExpect(status().is3xxRedirection());
        assertThat(read().ok()).isTrue();
        mvc.perform(get("/admin/exchange").cookie(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString(provider.memberId() + ":pension-partners")))
                .andExpect(content().string(containsString("Тэтгэврийн түншүүд")));
        // a global group is the platform admin's: the agency admin's attempt is refused with a message, not an error page
        mvc.perform(post("/admin/exchange/groups").cookie(admin).with(csrf()).param("kind", "GLOBAL").param("code", "everyone"))
                .andExpect(status().is3xxRedirection()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .flash().attribute("problem", "problem.exchange_not_your_member"));
        mvc.perform(post("/admin/exchange/groups/members/remove").cookie(admin).with(csrf()).param("groupId", Long.toString(group.id()))
                .param("subsystemId", client.subsystemId())).andExpect(status().is3xxRedirection());
        assertThat(read().error()).isEqualTo("Server.ServerProxy.AccessDenied");
    }

    private static String refusal(Runnable change) {
        try {
            change.run();
        } catch (DirectoryRefused e) {
            return e.code();
        }
        throw new AssertionError("not refused");
    }

    private String admin;

    private String adminToken() {
        if (admin == null) {
            String login = Fixtures.staff(accounts, Role.PLATFORM_ADMIN, null);
            long id = jdbc.sql("select id from identity.account where login = :l").param("l", login).query(Long.class).single();
            admin = "zsg_test_xgroups_" + id;
            tokens.grant(id, admin);
        }
        return admin;
    }
}
