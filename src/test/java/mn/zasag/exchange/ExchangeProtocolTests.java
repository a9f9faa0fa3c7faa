package mn.zasag.exchange;

import mn.zasag.ZasagTest;
import mn.zasag.catalog.Agencies;
import mn.zasag.exchange.internal.Consents;
import mn.zasag.identity.Accounts;
import mn.zasag.identity.DemoTokens;
import mn.zasag.registry.CivilRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ZasagTest
class ExchangeProtocolTests {

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
    Consents consents;
    @Autowired
    Exchange exchange;
    @Autowired
    JdbcClient jdbc;

    ExchangeFixtures.Party provider;
    ExchangeFixtures.Party client;
    String personService;
    String rn;

    @BeforeEach
    void aProviderPublishesThePersonServiceAndGrantsItToAClient() {
        provider = ExchangeFixtures.party(agencies, accounts, tokens, directory, "civil-registry");
        client = ExchangeFixtures.party(agencies, accounts, tokens, directory, "benefits");
        personService = directory.publish(provider.subsystemId(), "civil-registry.person", null, null).id();
        directory.grant(personService, null, client.subsystemId(), null);
        rn = ExchangeFixtures.person(agencies, registry);
    }

    private MockHttpServletRequestBuilder call(String service, String path) {
        return call(service, path, client.token(), client.subsystemId());
    }

    private MockHttpServletRequestBuilder call(String service, String path, String token, String clientId) {
        return get(uri("/r1/" + service + "/" + URLEncoder.encode(path, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + token).header("X-Road-Client", clientId);
    }

    private static java.net.URI uri(String s) {
        return java.net.URI.create(s);
    }

    private static ResultActions xroadError(ResultActions result, int status, String type) throws Exception {
        return result.andExpect(status().is(status)).andExpect(header().string("X-Road-Error", type))
                .andExpect(jsonPath("$.type").value(type)).andExpect(jsonPath("$.message").isNotEmpty())
                .andExpect(jsonPath("$.detail").isNotEmpty());
    }

    @Test
    void aClientReadsAPersonWithTheXRoadHeadersAndTheRequestHashAsPrRestDefinesIt() throws Exception {
        MvcResult result = mvc.perform(call(personService, rn).header("X-Road-Issue", "Тэтгэврийн өргөдөл №7")
                        .header("X-Road-UserId", "MN" + client.login()).header("X-Road-Id", "test-" + rn))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Road-Client", client.subsystemId()))
                .andExpect(header().string("X-Road-Service", personService))
                .andExpect(header().string("X-Road-Id", "test-" + rn))
                .andExpect(header().doesNotExist("X-Road-Error"))
                .andExpect(jsonPath("$.registerNumber").value(rn))
                .andExpect(jsonPath("$.givenName").value("Сараа")).andReturn();

        String headers = "GET /r1/" + personService + "/" + rn + "\n"
                + "x-road-client: " + client.subsystemId() + "\n"
                + "x-road-id: test-" + rn + "\n"
                + "x-road-issue: Тэтгэврийн өргөдөл №7\n"
                + "x-road-userid: MN" + client.login() + "\n";
        byte[] expected = MessageDigest.getInstance("SHA-512").digest(headers.getBytes(StandardCharsets.UTF_8));
        assertThat(result.getResponse().getHeader("X-Road-Request-Hash")).isEqualTo(Base64.getEncoder().encodeToString(expected));

        assertThat(jdbc.sql("select count(*) from exchange.message_log where message_id = :id and subject = :rn and issue = :issue")
                .param("id", "test-" + rn).param("rn", rn).param("issue", "Тэтгэврийн өргөдөл №7").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'registry.person.read' and object_id = :rn")
                .param("rn", rn).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anXRoadIdIsGeneratedWhenTheClientSendsNone() throws Exception {
        MvcResult result = mvc.perform(call(personService, rn).header("X-Road-Issue", "Шалгалт")).andExpect(status().isOk()).andReturn();
        assertThat(result.getResponse().getHeader("X-Road-Id")).matches("^[0-9a-f-]{36}$");
    }

    @Test
    void aMissingOrMalformedClientHeaderIsABadRequest() throws Exception {
        xroadError(mvc.perform(get(uri("/r1/" + personService + "/" + URLEncoder.encode(rn, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + client.token())), 400, "Client.BadRequest");
        xroadError(mvc.perform(get("/r1/" + personService + "/x").header("Authorization", "Bearer " + client.token())
                .header("X-Road-Client", "MN/GOV")), 400, "Client.BadRequest");
        xroadError(mvc.perform(get("/r1/MN/GOV").header("Authorization", "Bearer " + client.token())
                .header("X-Road-Client", client.subsystemId())), 400, "Client.BadRequest");
    }

    @Test
    void anUnregisteredClientIsAnInvalidClientIdentifier() throws Exception {
        xroadError(mvc.perform(call(personService, rn, client.token(), client.memberId() + "/nobody")
                .header("X-Road-Issue", "x")), 400, "Client.InvalidClientIdentifier");
    }

    @Test
    void aCallerWithoutCredentialsOrFromAnotherAgencyIsNotAuthenticated() throws Exception {
        xroadError(mvc.perform(get("/r1/" + personService + "/x").header("X-Road-Client", client.subsystemId())), 500,
                "Server.ClientProxy.SslAuthenticationFailed");
        xroadError(mvc.perform(call(personService, rn, provider.token(), client.subsystemId()).header("X-Road-Issue", "x")), 500,
                "Server.ClientProxy.SslAuthenticationFailed");
    }

    @Test
    void anUnknownServiceIsRefused() throws Exception {
        xroadError(mvc.perform(call(provider.subsystemId() + "/no-such-service", rn).header("X-Road-Issue", "x")), 500,
                "Server.ServerProxy.UnknownService");
    }

    @Test
    void aClientWithoutAnAccessRightIsDeniedAndTheRefusalIsLogged() throws Exception {
        String address = directory.publish(provider.subsystemId(), "civil-registry.address", null, null).id();
        MvcResult result = xroadError(mvc.perform(call(address, rn).header("X-Road-Issue", "x")), 500,
                "Server.ServerProxy.AccessDenied").andReturn();
        String id = result.getResponse().getHeader("X-Road-Id");
        assertThat(jdbc.sql("select error_type from exchange.message_log where message_id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("Server.ServerProxy.AccessDenied");
    }

    @Test
    void aRightOnOneEndpointAllowsOnlyThatEndpoint() throws Exception {
        String marital = directory.publish(provider.subsystemId(), "civil-registry.marital-status", null, null).id();
        long endpoint = directory.service(marital).orElseThrow().endpoints().get(0).id();
        directory.grant(marital, endpoint, client.subsystemId(), null);
        mvc.perform(call(marital, rn).header("X-Road-Issue", "Гэрлэлтийн лавлагаа")).andExpect(status().isOk())
                .andExpect(jsonPath("$.married").value(false));
        xroadError(mvc.perform(post(uri("/r1/" + marital + "/" + URLEncoder.encode(rn, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + client.token()).header("X-Road-Client", client.subsystemId())
                .header("X-Road-Issue", "x")), 500, "Server.ServerProxy.AccessDenied");
    }

    @Test
    void personalDataNeedsAPurpose() throws Exception {
        xroadError(mvc.perform(call(personService, rn)), 400, "Client.PurposeRequired");
    }

    @Test
    void anOversizedBodyIsRefused() throws Exception {
        xroadError(mvc.perform(post(uri("/r1/" + personService + "/" + URLEncoder.encode(rn, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + client.token()).header("X-Road-Client", client.subsystemId())
                .content(new byte[2 * 1024 * 1024])), 400, "Client.BadRequest");
    }

    @Test
    void theProvidersOwnAnswersPassThroughWithoutXRoadError() throws Exception {
        mvc.perform(call(personService, "ЯЯ00000000").header("X-Road-Issue", "x")).andExpect(status().isBadRequest())
                .andExpect(header().doesNotExist("X-Road-Error")).andExpect(jsonPath("$.code").value("register_number_invalid"));
    }

    @Test
    void aConsentRequiredServiceRefusesWithoutProofAndAcceptsAOneTimeCodeOnce() throws Exception {
        String idCard = directory.publish(provider.subsystemId(), "civil-registry.id-card-status", null, null).id();
        directory.configure(idCard, "FULL", true, 5000, true, null);
        directory.grant(idCard, null, client.subsystemId(), null);
        xroadError(mvc.perform(call(idCard, rn).header("X-Road-Issue", "Зээлийн хүсэлт")), 400, "Client.ConsentRequired");
        Consents.Code code = consents.oneTimeCode(rn, client.subsystemId(), idCard, "Зээлийн хүсэлт");
        MvcResult ok = mvc.perform(call(idCard, rn).header("X-Road-Issue", "Зээлийн хүсэлт").header("X-Zasag-Consent", code.code()))
                .andExpect(status().isOk()).andReturn();
        assertThat(jdbc.sql("select record from exchange.message_log where message_id = :id")
                .param("id", ok.getResponse().getHeader("X-Road-Id")).query(String.class).single()).contains(code.id().toString());
        xroadError(mvc.perform(call(idCard, rn).header("X-Road-Issue", "Зээлийн хүсэлт").header("X-Zasag-Consent", code.code())),
                400, "Client.ConsentRequired");
    }

    @Test
    void platformModulesCallThroughTheSameChecks() {
        Exchange.Response ok = exchange.call("test", client.subsystemId(), personService, Exchange.Request.get("/" + rn, "Дотоод шалгалт"));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.text()).contains(rn);
        String address = directory.publish(provider.subsystemId(), "civil-registry.address", null, null).id();
        Exchange.Response denied = exchange.call("test", client.subsystemId(), address, Exchange.Request.get("/" + rn, "x"));
        assertThat(denied.error()).isEqualTo("Server.ServerProxy.AccessDenied");
        assertThat(denied.status()).isEqualTo(500);
    }

    @Test
    void metaservicesListAndDescribeTheServices() throws Exception {
        String address = directory.publish(provider.subsystemId(), "civil-registry.address", null, null).id();
        mvc.perform(get("/r1/" + provider.subsystemId() + "/listMethods").header("Authorization", "Bearer " + client.token())
                        .header("X-Road-Client", client.subsystemId()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.service.length()").value(2))
                .andExpect(jsonPath("$.service[0].service_type").value("REST"));
        mvc.perform(get("/r1/" + provider.subsystemId() + "/allowedMethods").header("Authorization", "Bearer " + client.token())
                        .header("X-Road-Client", client.subsystemId()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.service.length()").value(1))
                .andExpect(jsonPath("$.service[0].service_code").value("person"))
                .andExpect(jsonPath("$.service[0].endpoint_list[0].path").value("/{registerNumber}"));
        mvc.perform(get("/r1/" + provider.subsystemId() + "/getOpenAPI").param("serviceCode", "address")
                        .header("Authorization", "Bearer " + client.token()).header("X-Road-Client", client.subsystemId()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.openapi").value("3.0.3"));
        assertThat(address).endsWith("/address");
        mvc.perform(get("/listClients")).andExpect(status().isOk())
                .andExpect(jsonPath("$.member[?(@.id.subsystem_code == 'benefits' && @.id.member_code == '"
                        + client.memberId().split("/")[2] + "')]").exists());
    }

    @Test
    void aDeadTokenIsAFailedClientAuthenticationInPrRestShape() throws Exception {
        xroadError(mvc.perform(call(personService, rn, "zsg_no_such_token", client.subsystemId()).header("X-Road-Issue", "x")), 500,
                "Server.ClientProxy.SslAuthenticationFailed");
    }

    @Test
    void aSlowProviderIsANetworkErrorAndAFailingOneAServiceFailure() throws Exception {
        String slow = directory.publish(provider.subsystemId(), "test.slow", null, null).id();
        directory.configure(slow, "METADATA", false, 100, true, null);
        directory.grant(slow, null, client.subsystemId(), null);
        xroadError(mvc.perform(call(slow, "x")), 500, "Server.ServerProxy.NetworkError");
        String failing = directory.publish(provider.subsystemId(), "test.failing", null, null).id();
        directory.grant(failing, null, client.subsystemId(), null);
        xroadError(mvc.perform(call(failing, "x")), 500, "Server.ServerProxy.ServiceFailed");
        directory.configure(failing, "OFF", false, 5000, false, null);
        xroadError(mvc.perform(call(failing, "x")), 500, "Server.ServerProxy.ServiceDisabled");
    }

    @Test
    void aPurposeSentAsRawUtf8IsReadAsUtf8AndControlCharactersAreRefused() throws Exception {
        String raw = new String("Тэтгэврийн өргөдөл №9".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        MvcResult ok = mvc.perform(call(personService, rn).header("X-Road-Issue", raw)).andExpect(status().isOk()).andReturn();
        assertThat(jdbc.sql("select issue from exchange.message_log where message_id = :id")
                .param("id", ok.getResponse().getHeader("X-Road-Id")).query(String.class).single()).isEqualTo("Тэтгэврийн өргөдөл №9");
        xroadError(mvc.perform(call(personService, rn).header("X-Road-Issue", "a%0Ab")), 400, "Client.BadRequest");
    }
}
