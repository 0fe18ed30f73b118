package io.cityloop.intake.casefile.adapters.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

import io.cityloop.intake.web.ClientAddress;
import io.cityloop.events.Actor;
import io.cityloop.events.CaseEvent;
import io.cityloop.events.CaseEventCodec;
import io.cityloop.events.CaseEventData;
import io.cityloop.events.CaseEventTopics;
import io.cityloop.events.Producers;
import io.cityloop.events.TaskAccepted;
import io.cityloop.events.TaskDispatched;
import io.cityloop.events.TaskHandled;
import io.cityloop.events.TimeLimit;
import io.cityloop.intake.IntakeIntegrationTestSupport;
import io.cityloop.intake.casefile.application.CaseFileStore;
import io.cityloop.intake.casefile.application.CaseQuery;
import io.cityloop.intake.casefile.model.CaseStatus;
import io.cityloop.intake.casefile.model.ReportSource;
import io.cityloop.intake.catalog.CatalogRegistry;
import io.cityloop.intake.support.TestImages;
import io.cityloop.reference.CityReference;

/**
 * Open311 GeoReport v2 without a token: the catalog as services, requests taken through the public intake (rules,
 * hourly limit, duplicates), read back without personal data, and refusals in Open311's {@code [{code,
 * description}]}. Each test reports in 秦都区 at its own spot, with categories no other test uses.
 */
class Open311IntegrationTest extends IntakeIntegrationTestSupport {

    private static final String QINDU = "district-610402";
    private static final String GARBAGE_PILE = "02-01-02";
    private static final String STALL = "02-05-02";
    /** A fresh spot per test, about 300 m apart along 秦都区's 人民路. */
    private static final AtomicInteger SPOT = new AtomicInteger();

    @Autowired
    private MockMvc mvc;
    @Autowired
    private KafkaTemplate<String, String> kafka;
    @Autowired
    private CaseEventCodec codec;
    @Autowired
    private CaseFileStore cases;
    @Autowired
    private CityReference city;
    @Autowired
    private CatalogRegistry catalogs;

    private static double[] freshSpot() {
        int n = SPOT.incrementAndGet();
        return new double[] {108.680 + n * 0.003, 34.3350};
    }

    /** Each test is its own client, so the hourly limit of one never stops another. */
    private static RequestPostProcessor fromThisTestsClient() {
        String address = "192.0.2." + (100 + SPOT.get());
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @Test
    void theCatalogsCategoriesAreTheServices() throws Exception {
        var category = city.catalog().find(GARBAGE_PILE).orElseThrow();
        mvc.perform(get("/open311/v2/services.json"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$", hasSize(catalogs.current().all().size())))
                .andExpect(jsonPath("$[?(@.service_code == '02-01-02')].service_name").value(contains("积存垃圾渣土")))
                .andExpect(jsonPath("$[?(@.service_code == '02-01-02')].description")
                        .value(contains(category.filingCriterion())))
                .andExpect(jsonPath("$[?(@.service_code == '02-01-02')].group").value(contains("市容环境")))
                .andExpect(jsonPath("$[?(@.service_code == '02-01-02')].keywords")
                        .value(contains("事件,市容环境,积存垃圾渣土")))
                .andExpect(jsonPath("$[?(@.service_code == '02-01-02')].metadata").value(contains(false)))
                .andExpect(jsonPath("$[?(@.service_code == '02-01-02')].type").value(contains("realtime")))
                .andExpect(jsonPath("$[?(@.service_code == '01-01-01')].group").value(contains("公用设施")));
    }

    @Test
    void aFormEncodedRequestBecomesAPublicCaseAndIsReadBackWithoutPersonalData() throws Exception {
        double[] at = freshSpot();
        String id = JsonPath.read(mvc.perform(form(at, GARBAGE_PILE, "人民路北侧绿化带旁堆放建筑垃圾约1立方米")
                        .param("address_string", "秦都区人民路66号")
                        .param("first_name", "秀英").param("last_name", "王")
                        .param("phone", "139 2910 0001").param("email", "wang.xiuying@example.cn")
                        .param("media_url", "http://example.cn/photo.jpg"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/open311/v2/requests/")))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].service_notice", containsString("受理")))
                .andExpect(jsonPath("$[0].account_id", nullValue()))
                .andReturn().getResponse().getContentAsString(), "$[0].service_request_id");

        mvc.perform(get("/api/cases/{id}", id).with(as("operator", "operator")))
                .andExpect(jsonPath("$.source").value("PUBLIC"))
                .andExpect(jsonPath("$.reportedBy").value("public"))
                .andExpect(jsonPath("$.status").value("REPORTED"))
                .andExpect(jsonPath("$.address").value("秦都区人民路66号"))
                .andExpect(jsonPath("$.origin.callerName").value("王秀英"))
                .andExpect(jsonPath("$.origin.callerPhone").value("139 2910 0001"));
        mvc.perform(get("/api/public/reports/{id}", id)).andExpect(status().isOk());

        String shown = mvc.perform(get("/open311/v2/requests/{id}.json", id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].service_request_id").value(id))
                .andExpect(jsonPath("$[0].status").value("open"))
                .andExpect(jsonPath("$[0].status_notes").value("已上报，等待受理"))
                .andExpect(jsonPath("$[0].service_code").value(GARBAGE_PILE))
                .andExpect(jsonPath("$[0].service_name").value("积存垃圾渣土"))
                .andExpect(jsonPath("$[0].description").value("人民路北侧绿化带旁堆放建筑垃圾约1立方米"))
                .andExpect(jsonPath("$[0].address").value("秦都区人民路66号"))
                .andExpect(jsonPath("$[0].lat").value(at[1]))
                .andExpect(jsonPath("$[0].long").value(at[0]))
                .andExpect(jsonPath("$[0].requested_datetime", containsString("+08:00")))
                .andExpect(jsonPath("$[0].updated_datetime").isString())
                .andReturn().getResponse().getContentAsString();
        assertThat(shown).doesNotContain("王", "2910", "example.cn", "public", "reportedBy", "origin", "timeline");
    }

    @Test
    void aJsonRequestNextToAnOpenCaseIsFlaggedAsAProbableDuplicate() throws Exception {
        double[] at = freshSpot();
        String first = receipt(mvc.perform(json(at, STALL, "{\"service_code\":\"02-05-02\",\"lat\":%s,\"long\":%s,"
                + "\"description\":\"水果店占道经营\"}")).andExpect(status().isCreated()));
        String second = receipt(mvc.perform(json(new double[] {at[0] + 0.0002, at[1] + 0.0001}, STALL,
                        "{\"service_code\":\"02-05-02\",\"lat\":\"%s\",\"long\":\"%s\","
                                + "\"description\":\"门口摆摊卖水果\",\"email\":null}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$[0].service_notice", containsString("合并"))));

        mvc.perform(get("/api/cases/{id}", second).with(as("operator", "operator")))
                .andExpect(jsonPath("$.source").value("PUBLIC"))
                .andExpect(jsonPath("$.probableDuplicates", contains(first)));
    }

    @Test
    void badInputIsRefusedInOpen311sFormatAndNothingIsStored() throws Exception {
        double[] at = freshSpot();
        long before = publicCases();

        refused(mvc.perform(form("", Double.toString(at[0]), GARBAGE_PILE, "缺少位置")), 400, "lat");
        refused(mvc.perform(post("/open311/v2/requests.json").with(fromThisTestsClient())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("description", "什么都没有")), 400,
                "service_code");
        refused(mvc.perform(form(at, "09-09-99", "不存在的服务")), 400, "service_code");
        refused(mvc.perform(form(new double[] {116.397, 39.909}, GARBAGE_PILE, "北京的垃圾")), 400, "lat/long");
        refused(mvc.perform(form(at, GARBAGE_PILE, "渣土 {\"$where\": \"sleep(1000)\"}")), 400, "description");
        refused(mvc.perform(form("north", Double.toString(at[0]), GARBAGE_PILE, "渣土")), 400, "lat");
        refused(mvc.perform(form(at, GARBAGE_PILE, "渣土").param("email", "not-an-address")), 400, "email");
        refused(mvc.perform(form(at, GARBAGE_PILE, "渣土").param("phone", "call me")), 400, "phone");
        refused(mvc.perform(json(at, GARBAGE_PILE, "{\"service_code\":\"02-01-02\",\"lat\":%s,\"long\":%s,"
                + "\"description\":{\"$ne\":null}}")), 400, "description");
        refused(mvc.perform(json(at, GARBAGE_PILE, "{\"service_code\":\"02-01-02\",")), 400, "body");
        refused(mvc.perform(json(at, GARBAGE_PILE, "[1, 2]")), 400, "body");
        refused(mvc.perform(form(at, GARBAGE_PILE, "渣土").header("Idempotency-Key", "bad key!")), 400,
                "Idempotency-Key");

        refused(mvc.perform(get("/open311/v2/requests/{id}.json", "CL20261123999999")), 404, "service_request_id");
        refused(mvc.perform(get("/open311/v2/requests.json").param("status", "pending")), 400, "status");
        refused(mvc.perform(get("/open311/v2/requests.json").param("service_code", "garbage")), 400, "service_code");
        refused(mvc.perform(get("/open311/v2/requests.json").param("start_date", "yesterday")), 400, "start_date");
        refused(mvc.perform(get("/open311/v2/requests.json").param("start_date", "2026-01-01T00:00:00+08:00")
                .param("end_date", "2026-06-01T00:00:00+08:00")), 400, "end_date");
        refused(mvc.perform(get("/open311/v2/requests.json").param("start_date", "2026-06-01")
                .param("end_date", "2026-05-01")), 400, "start_date");
        refused(mvc.perform(get("/open311/v2/requests.json").param("service_request_id", "CL1,{$gt:1}")), 400,
                "service_request_id");

        assertThat(publicCases()).isEqualTo(before);
    }

    @Test
    void textThatIsNotTextAndDatesNoDatabaseHoldsAreRefusedInOpen311sFormat() throws Exception {
        double[] at = freshSpot();
        long before = publicCases();

        refused(mvc.perform(form(at, GARBAGE_PILE, "渣土\u0000\u001B[31m")), 400, "description");
        refused(mvc.perform(form(at, GARBAGE_PILE, "渣土\u202Egpj.exe")), 400, "description");
        refused(mvc.perform(form(at, GARBAGE_PILE, "渣土").param("first_name", "\u202Enimda")), 400, "first_name");
        refused(mvc.perform(json(at, GARBAGE_PILE, "{\"service_code\":\"02-01-02\",\"lat\":%s,\"long\":%s,"
                + "\"description\":\"渣土\\ud800\"}")), 400, "description");
        refused(mvc.perform(get("/open311/v2/requests.json").param("start_date", "+999999999-12-31T00:00:00Z")), 400,
                "start_date");
        refused(mvc.perform(get("/open311/v2/requests.json").param("end_date", "-999999999-01-01")), 400,
                "end_date");

        assertThat(publicCases()).isEqualTo(before);
    }

    @Test
    void otherPathsAndMethodsUnderOpen311AreRefusedInOpen311sFormat() throws Exception {
        refused(mvc.perform(get("/open311/v2/services.csv")), 404, "path");
        refused(mvc.perform(get("/open311/v3/discovery.json")), 404, "path");
        refused(mvc.perform(post("/open311/discovery.json")), 405, "method");
        refused(mvc.perform(put("/open311/v2/requests.json")), 405, "method")
                .andExpect(header().string("Allow", "GET,POST"));
        refused(mvc.perform(delete("/open311/v2/requests/{id}.json", "CL20261123999999")), 405, "method")
                .andExpect(header().string("Allow", "GET"));
        refused(mvc.perform(post("/open311/v2/services.json")), 405, "method");
    }

    @Test
    void serviceDiscoveryNamesTheV2EndpointAndItsFormatsInJsonAndXml() throws Exception {
        for (String path : new String[] {"/open311/discovery.json", "/open311/v2/discovery.json"}) {
            mvc.perform(get(path))
                    .andExpect(status().isOk())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                    .andExpect(jsonPath("$.changeset", containsString("+08:00")))
                    .andExpect(jsonPath("$.contact", containsString("12345")))
                    .andExpect(jsonPath("$.key_service").isString())
                    .andExpect(jsonPath("$.endpoints", hasSize(1)))
                    .andExpect(jsonPath("$.endpoints[0].specification").value("http://wiki.open311.org/GeoReport_v2"))
                    .andExpect(jsonPath("$.endpoints[0].url").value("/open311/v2"))
                    .andExpect(jsonPath("$.endpoints[0].type").value("production"))
                    .andExpect(jsonPath("$.endpoints[0].changeset", containsString("+08:00")))
                    .andExpect(jsonPath("$.endpoints[0].formats", contains("text/xml", "application/json")));
        }
        String xml = mvc.perform(get("/open311/discovery.xml"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_XML))
                .andExpect(xpath("/discovery/changeset").string(containsString("+08:00")))
                .andExpect(xpath("/discovery/key_service").exists())
                .andExpect(xpath("/discovery/endpoints/endpoint/specification")
                        .string("http://wiki.open311.org/GeoReport_v2"))
                .andExpect(xpath("/discovery/endpoints/endpoint/url").string("/open311/v2"))
                .andExpect(xpath("/discovery/endpoints/endpoint/type").string("production"))
                .andExpect(xpath("/discovery/endpoints/endpoint/formats/format[1]").string("text/xml"))
                .andExpect(xpath("/discovery/endpoints/endpoint/formats/format[2]").string("application/json"))
                .andReturn().getResponse().getContentAsString();
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><discovery>");
        mvc.perform(get("/open311/v2/discovery.xml")).andExpect(status().isOk())
                .andExpect(xpath("/discovery/endpoints/endpoint/url").string("/open311/v2"));
    }

    @Test
    void theXmlFormatServesServicesRequestsAndTheirCreation() throws Exception {
        mvc.perform(get("/open311/v2/services.xml"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_XML))
                .andExpect(xpath("count(/services/service)").number((double) catalogs.current().all().size()))
                .andExpect(xpath("/services/service[service_code='02-01-02']/service_name").string("积存垃圾渣土"))
                .andExpect(xpath("/services/service[service_code='02-01-02']/metadata").string("false"))
                .andExpect(xpath("/services/service[service_code='02-01-02']/type").string("realtime"))
                .andExpect(xpath("/services/service[service_code='02-01-02']/keywords").string("事件,市容环境,积存垃圾渣土"))
                .andExpect(xpath("/services/service[service_code='02-01-02']/group").string("市容环境"));

        double[] at = freshSpot();
        String created = mvc.perform(post("/open311/v2/requests.xml").with(fromThisTestsClient())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("service_code", GARBAGE_PILE).param("lat", Double.toString(at[1]))
                        .param("long", Double.toString(at[0])).param("description", "桥洞下堆放<建筑>垃圾 & 渣土")
                        .param("address_string", "秦都区渭阳路1号"))
                .andExpect(status().isCreated())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_XML))
                .andExpect(header().string("Location", allOf(startsWith("/open311/v2/requests/"), endsWith(".xml"))))
                .andExpect(xpath("count(/service_requests/request)").number(1.0))
                .andExpect(xpath("/service_requests/request/service_notice").string(containsString("受理")))
                .andExpect(xpath("/service_requests/request/account_id").string(""))
                .andReturn().getResponse().getContentAsString();
        String id = created.replaceAll("(?s).*<service_request_id>([^<]+)</service_request_id>.*", "$1");
        assertThat(id).startsWith("CL");

        mvc.perform(get("/open311/v2/requests/{id}.xml", id))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_XML))
                .andExpect(xpath("/service_requests/request/service_request_id").string(id))
                .andExpect(xpath("/service_requests/request/status").string("open"))
                .andExpect(xpath("/service_requests/request/status_notes").string("已上报，等待受理"))
                .andExpect(xpath("/service_requests/request/service_code").string(GARBAGE_PILE))
                .andExpect(xpath("/service_requests/request/description").string("桥洞下堆放<建筑>垃圾 & 渣土"))
                .andExpect(xpath("/service_requests/request/address").string("秦都区渭阳路1号"))
                .andExpect(xpath("/service_requests/request/requested_datetime").string(containsString("+08:00")))
                .andExpect(xpath("/service_requests/request/lat").number(at[1]))
                .andExpect(xpath("/service_requests/request/long").number(at[0]));
        mvc.perform(get("/open311/v2/requests.xml").param("service_request_id", id + ",CL0"))
                .andExpect(status().isOk())
                .andExpect(xpath("count(/service_requests/request)").number(1.0))
                .andExpect(xpath("/service_requests/request/service_request_id").string(id));
        mvc.perform(get("/open311/v2/requests.xml").param("service_code", GARBAGE_PILE))
                .andExpect(status().isOk())
                .andExpect(xpath("/service_requests/request[service_request_id='" + id + "']/status").string("open"));

        refusedXml(mvc.perform(get("/open311/v2/requests/{id}.xml", "CL20261123999999")), 404, "service_request_id");
        refusedXml(mvc.perform(get("/open311/v2/requests.xml").param("status", "pending")), 400, "status");
        refusedXml(mvc.perform(post("/open311/v2/requests.xml").with(fromThisTestsClient())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("description", "什么都没有")), 400,
                "service_code");
        refusedXml(mvc.perform(put("/open311/v2/services.xml")), 405, "method")
                .andExpect(header().string("Allow", "GET"));
    }

    @Test
    void overTheHourlyLimitOpen311SaysWhenToTryAgain() throws Exception {
        double[] at = freshSpot();
        String client = "198.51.100.91";
        for (int i = 1; i <= 10; i++) {
            mvc.perform(form(at, STALL, "店外经营").header(ClientAddress.HEADER, client)
                    .header("X-CityLoop-Edge", EDGE_SECRET)).andExpect(status().isCreated());
        }
        String retryAfter = refused(mvc.perform(form(at, STALL, "店外经营").header(ClientAddress.HEADER, client)
                .header("X-CityLoop-Edge", EDGE_SECRET)), 429, "")
                .andExpect(header().exists("Retry-After"))
                .andReturn().getResponse().getHeader("Retry-After");
        // the first of the ten leaves the sliding hour in just under an hour
        assertThat(Long.parseLong(retryAfter)).isBetween(3000L, 3600L);
        refusedXml(mvc.perform(post("/open311/v2/requests.xml").header(ClientAddress.HEADER, client)
                .header("X-CityLoop-Edge", EDGE_SECRET).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("service_code", STALL).param("lat", Double.toString(at[1]))
                .param("long", Double.toString(at[0])).param("description", "店外经营")), 429, "")
                .andExpect(header().exists("Retry-After"));
    }

    @Test
    void onlyAcceptedReportsUseTheHourlyAllowance() throws Exception {
        double[] at = freshSpot();
        String client = "198.51.100.92";
        // refused by the intake's own rules, after the allowance was consulted: none of them may count
        refused(mvc.perform(form(at, "09-09-99", "不存在的服务").header(ClientAddress.HEADER, client)
                .header("X-CityLoop-Edge", EDGE_SECRET)), 400, "service_code");
        refused(mvc.perform(form(new double[] {116.397, 39.909}, STALL, "北京的摊位")
                .header(ClientAddress.HEADER, client).header("X-CityLoop-Edge", EDGE_SECRET)), 400, "lat/long");
        mvc.perform(post("/api/public/reports").header("Idempotency-Key", UUID.randomUUID().toString())
                        .header(ClientAddress.HEADER, client).header("X-CityLoop-Edge", EDGE_SECRET)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"categoryCode\":\"99-99-99\",\"description\":\"x\",\"location\":{\"lon\":%s,\"lat\":%s}}"
                                .formatted(at[0], at[1])))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/public/reports").header("Idempotency-Key", UUID.randomUUID().toString())
                        .header(ClientAddress.HEADER, client).header("X-CityLoop-Edge", EDGE_SECRET)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"categoryCode\":\"02-05-02\",\"description\":\"x\",\"location\":{\"lon\":0,\"lat\":0}}"))
                .andExpect(status().isBadRequest());
        // a repeat of a report already taken gives back its case and does not count either
        String key = UUID.randomUUID().toString();
        for (int i = 1; i <= 10; i++) {
            mvc.perform(form(at, STALL, "店外经营").header(ClientAddress.HEADER, client)
                            .header("X-CityLoop-Edge", EDGE_SECRET)
                            .header("Idempotency-Key", i == 1 ? key : UUID.randomUUID().toString()))
                    .andExpect(status().isCreated());
            if (i == 1) {
                mvc.perform(form(at, STALL, "店外经营").header(ClientAddress.HEADER, client)
                                .header("X-CityLoop-Edge", EDGE_SECRET).header("Idempotency-Key", key))
                        .andExpect(status().isOk());
            }
        }
        refused(mvc.perform(form(at, STALL, "店外经营").header(ClientAddress.HEADER, client)
                .header("X-CityLoop-Edge", EDGE_SECRET)), 429, "");
    }

    @Test
    void theHourlyLimitIsSharedWithTheNativePublicReports() throws Exception {
        double[] at = freshSpot();
        String client = "198.51.100.77";
        for (int i = 1; i <= 6; i++) {
            mvc.perform(post("/api/public/reports").header("Idempotency-Key", UUID.randomUUID().toString())
                            .header(ClientAddress.HEADER, client).header("X-CityLoop-Edge", EDGE_SECRET).contentType(MediaType.APPLICATION_JSON)
                            .content("""
                                    {"categoryCode":"02-05-02","description":"店外经营","location":{"lon":%s,"lat":%s}}"""
                                    .formatted(at[0], at[1])))
                    .andExpect(status().isCreated());
        }
        for (int i = 7; i <= 10; i++) {
            mvc.perform(form(at, STALL, "店外经营").header(ClientAddress.HEADER, client).header("X-CityLoop-Edge", EDGE_SECRET)).andExpect(status().isCreated());
        }
        refused(mvc.perform(form(at, STALL, "店外经营").header(ClientAddress.HEADER, client).header("X-CityLoop-Edge", EDGE_SECRET)), 429, "");
        mvc.perform(form(at, STALL, "店外经营").header(ClientAddress.HEADER, "198.51.100.78").header("X-CityLoop-Edge", EDGE_SECRET))
                .andExpect(status().isCreated());
    }

    @Test
    void aClosedCaseShowsClosedAndTheListFiltersByIdCodeStatusAndDate() throws Exception {
        double[] at = freshSpot();
        String closed = receipt(mvc.perform(form(at, GARBAGE_PILE, "桥下堆放装修垃圾"))
                .andExpect(status().isCreated()));
        String open = receipt(mvc.perform(form(new double[] {at[0], at[1] + 0.003}, GARBAGE_PILE, "路口堆放渣土"))
                .andExpect(status().isCreated()));
        close(closed);

        mvc.perform(get("/open311/v2/requests/{id}.json", closed))
                .andExpect(jsonPath("$[0].status").value("closed"))
                .andExpect(jsonPath("$[0].status_notes").value("已结案"));
        mvc.perform(get("/open311/v2/requests.json").param("service_request_id", closed + "," + open + ",CL0"))
                .andExpect(jsonPath("$[*].service_request_id", contains(closed, open)))
                .andExpect(jsonPath("$[*].status", contains("closed", "open")));
        mvc.perform(get("/open311/v2/requests.json").param("service_code", GARBAGE_PILE).param("status", "closed"))
                .andExpect(jsonPath("$[*].service_request_id", hasItem(closed)))
                .andExpect(jsonPath("$[*].service_request_id", not(hasItem(open))))
                .andExpect(jsonPath("$[*].status", not(hasItem("open"))));
        mvc.perform(get("/open311/v2/requests.json").param("service_code", GARBAGE_PILE).param("status", "open"))
                .andExpect(jsonPath("$[*].service_request_id", hasItem(open)))
                .andExpect(jsonPath("$[*].service_request_id", not(hasItem(closed))));
        mvc.perform(get("/open311/v2/requests.json").param("service_code", GARBAGE_PILE)
                        .param("status", "open,closed"))
                .andExpect(jsonPath("$[*].service_request_id", hasItem(open)))
                .andExpect(jsonPath("$[*].service_request_id", hasItem(closed)));
        mvc.perform(get("/open311/v2/requests.json").param("service_code", STALL))
                .andExpect(jsonPath("$[*].service_request_id", not(hasItem(closed))));
        mvc.perform(get("/open311/v2/requests.json").param("start_date", "2020-01-01T00:00:00+08:00")
                        .param("end_date", "2020-03-01T00:00:00+08:00"))
                .andExpect(jsonPath("$", hasSize(0)));
        mvc.perform(get("/open311/v2/requests.json").param("service_code", GARBAGE_PILE)
                        .param("start_date", Instant.now().minus(Duration.ofDays(1)).toString()))
                .andExpect(jsonPath("$[*].service_request_id", hasItem(open)));
    }

    /** Files the case, brings it through dispatch's events to the check, and passes it with a photo. */
    private void close(String caseId) throws Exception {
        mvc.perform(post("/api/cases/{id}/filing", caseId).with(as("operator", "operator"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"FILE\"}"))
                .andExpect(status().isOk());
        String taskId = "T" + caseId + "-01";
        Instant deadline = Instant.parse("2026-11-24T09:00:00Z");
        String cell = cases.find(caseId).orElseThrow().location().cellCode();
        publish(taskId, 1, new TaskDispatched(caseId, taskId, QINDU, "秦都区", GARBAGE_PILE, "610402", cell, deadline,
                new TimeLimit(1, "WORKING_DAYS"), Actor.system("auto-routing")));
        publish(taskId, 2, new TaskAccepted(caseId, taskId, QINDU, new Actor(QINDU, "department")));
        publish(taskId, 3, new TaskHandled(caseId, taskId, QINDU, "已清运", null, deadline, true,
                new Actor(QINDU, "department")));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> cases.find(caseId).orElseThrow().status() == CaseStatus.VERIFYING);
        String photo = JsonPath.read(mvc.perform(multipart("/api/cases/{id}/photos", caseId)
                        .file(new MockMultipartFile("file", "site.jpg", "image/jpeg", TestImages.jpeg(41)))
                        .param("stage", "VERIFICATION").with(as("inspector", "inspector")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(post("/api/cases/{id}/verification", caseId).with(as("inspector", "inspector"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"result\":\"PASS\",\"note\":\"已清理\",\"photoIds\":[\"" + photo + "\"]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"));
    }

    private MockHttpServletRequestBuilder form(double[] at, String serviceCode, String description) {
        return form(Double.toString(at[1]), Double.toString(at[0]), serviceCode, description);
    }

    private MockHttpServletRequestBuilder form(String lat, String lon, String serviceCode, String description) {
        return post("/open311/v2/requests.json").with(fromThisTestsClient())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("service_code", serviceCode)
                .param("lat", lat)
                .param("long", lon)
                .param("description", description);
    }

    /** A JSON body; {@code %s} placeholders, if any, take the spot's lat and long. */
    private MockHttpServletRequestBuilder json(double[] at, String serviceCode, String body) {
        return post("/open311/v2/requests.json").with(fromThisTestsClient())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body.contains("%s") ? body.formatted(at[1], at[0]) : body);
    }

    private static String receipt(ResultActions result) throws Exception {
        return JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$[0].service_request_id");
    }

    private static ResultActions refused(ResultActions result, int code, String field) throws Exception {
        return result.andExpect(status().is(code))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$[*].code", everyItem(is(code))))
                .andExpect(jsonPath("$[*].description", hasItem(startsWith(field))));
    }

    private static ResultActions refusedXml(ResultActions result, int code, String field) throws Exception {
        return result.andExpect(status().is(code))
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_XML))
                .andExpect(xpath("count(/errors/error)").number(greaterThanOrEqualTo(1.0)))
                .andExpect(xpath("count(/errors/error[code != '" + code + "'])").number(0.0))
                .andExpect(xpath("count(/errors/error[starts-with(description, '" + field + "')])")
                        .number(greaterThanOrEqualTo(1.0)));
    }

    private long publicCases() {
        return cases.count(new CaseQuery(Set.of(), null, null, null, ReportSource.PUBLIC, null, null, null,
                Instant.now(), 0, 1, "reportedAt", false));
    }

    private void publish(String taskId, long sequence, CaseEventData data) throws Exception {
        CaseEvent event = CaseEvent.of(Producers.DISPATCH, taskId, sequence, Instant.parse("2026-11-23T02:00:00Z")
                .plusSeconds(sequence * 600), data);
        kafka.send(CaseEventTopics.CASE_EVENTS, data.caseId(), codec.encode(event)).get();
    }
}
