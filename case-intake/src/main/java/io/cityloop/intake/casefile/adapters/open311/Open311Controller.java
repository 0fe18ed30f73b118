package io.cityloop.intake.casefile.adapters.open311;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.cityloop.intake.casefile.application.CaseFileStore;
import io.cityloop.intake.casefile.application.PublicIntake;
import io.cityloop.intake.casefile.application.ReportOutcome;
import io.cityloop.intake.casefile.model.CaseFile;
import io.cityloop.intake.catalog.CatalogRegistry;
import io.cityloop.intake.web.ClientAddress;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open311 GeoReport v2 (公众举报 for any Open311 app): the catalog as services, and citizens' service requests
 * taken through the same public intake as {@code /api/public/reports} — same rules, same hourly limit per client,
 * same duplicate flag. No token and no API key: citizens have no accounts. Requests can be read back by anyone,
 * so only public reports are shown, and nothing about people. JSON or XML by the resource's suffix, as the
 * specification has it; errors are {@code [{code, description}]} or {@code <errors>}. Service Discovery as well.
 */
@RestController
class Open311Controller {

    private static final String BASE = "/open311/v2";
    private static final DateTimeFormatter NOTICE_TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm");
    private static final Pattern ONE_REQUEST = Pattern.compile(Pattern.quote(BASE + "/requests/") + "[^/]+\\.(json|xml)");
    private static final Pattern DISCOVERY = Pattern.compile("/open311(/v2)?/discovery\\.(json|xml)");

    private final PublicIntake intake;
    private final CaseFileStore cases;
    private final CatalogRegistry catalogs;
    private final Validator validator;
    private final JsonMapper json;
    private final Clock clock;
    private final String endpointUrl;

    Open311Controller(PublicIntake intake, CaseFileStore cases, CatalogRegistry catalogs, Validator validator,
                      JsonMapper json, Clock clock, @Value("${cityloop.open311.url:}") String endpointUrl) {
        this.intake = intake;
        this.cases = cases;
        this.catalogs = catalogs;
        this.validator = validator;
        this.json = json;
        this.clock = clock;
        this.endpointUrl = endpointUrl;
    }

    /**
     * Service Discovery, at the root of the Open311 APIs and beside the v2 endpoint (clients look in either place).
     * The endpoint's URL is {@code cityloop.open311.url} ({@code CITYLOOP_OPEN311_URL}, the city's public address of
     * {@code /open311/v2}) or, unset, the path alone: the service sits behind the gateway and does not trust the
     * host a caller names.
     */
    @GetMapping({"/open311/discovery.json", BASE + "/discovery.json"})
    Open311Discovery discovery() {
        String version = catalogs.current().version();
        String changeset = catalogs.versions().stream().filter(v -> v.version().equals(version))
                .map(CatalogRegistry.VersionInfo::publishedAt).findFirst()
                .map(at -> w3c(Instant.parse(at))).orElse(version);
        return Open311Discovery.of(changeset, endpointUrl.isBlank() ? BASE : endpointUrl);
    }

    @GetMapping({"/open311/discovery.xml", BASE + "/discovery.xml"})
    ResponseEntity<String> discoveryXml() {
        return xml(HttpStatus.OK, Open311Xml.discovery(discovery()));
    }

    @GetMapping(BASE + "/services.json")
    List<Open311Service> services() {
        return catalogs.current().all().stream().map(Open311Service::of).toList();
    }

    @GetMapping(BASE + "/services.xml")
    ResponseEntity<String> servicesXml() {
        return xml(HttpStatus.OK, Open311Xml.services(services()));
    }

    /** Form-encoded as the specification has it, or the same names in a JSON object. */
    @PostMapping(BASE + "/requests.json")
    ResponseEntity<List<Open311Receipt>> submit(@RequestHeader(value = "Idempotency-Key", required = false) String key,
                                                HttpServletRequest http) {
        Submitted submitted = take(key, http);
        return submitted.created()
                ? ResponseEntity.created(URI.create(BASE + "/requests/" + submitted.id() + ".json"))
                        .body(submitted.receipt())
                : ResponseEntity.ok(submitted.receipt());
    }

    /** The same request answered in XML: {@code <service_requests><request>} with the id and the notice. */
    @PostMapping(BASE + "/requests.xml")
    ResponseEntity<String> submitXml(@RequestHeader(value = "Idempotency-Key", required = false) String key,
                                     HttpServletRequest http) {
        Submitted submitted = take(key, http);
        ResponseEntity.BodyBuilder answer = submitted.created()
                ? ResponseEntity.created(URI.create(BASE + "/requests/" + submitted.id() + ".xml"))
                : ResponseEntity.ok();
        return answer.contentType(Open311Xml.TEXT_XML).body(Open311Xml.receipts(submitted.receipt()));
    }

    @GetMapping(BASE + "/requests/{id}.json")
    List<Open311ServiceRequest> request(@PathVariable String id) {
        return intake.track(id).map(file -> List.of(Open311ServiceRequest.of(file, clock.getZone())))
                .orElseThrow(() -> new Open311Exception(HttpStatus.NOT_FOUND,
                        List.of("service_request_id: no service request " + id)));
    }

    @GetMapping(BASE + "/requests/{id}.xml")
    ResponseEntity<String> requestXml(@PathVariable String id) {
        return xml(HttpStatus.OK, Open311Xml.requests(request(id)));
    }

    @GetMapping(BASE + "/requests.json")
    List<Open311ServiceRequest> requests(@RequestParam(name = "service_request_id", required = false) String ids,
                                         @RequestParam(name = "service_code", required = false) String serviceCode,
                                         @RequestParam(required = false) String status,
                                         @RequestParam(name = "start_date", required = false) String startDate,
                                         @RequestParam(name = "end_date", required = false) String endDate) {
        Open311Search search = Open311Search.of(ids, serviceCode, status, startDate, endDate, clock.instant(),
                clock.getZone());
        List<CaseFile> found = search.byIds()
                ? search.ids().stream().map(intake::track).flatMap(Optional::stream).toList()
                : cases.search(search.query());
        return found.stream().map(file -> Open311ServiceRequest.of(file, clock.getZone())).toList();
    }

    @GetMapping(BASE + "/requests.xml")
    ResponseEntity<String> requestsXml(@RequestParam(name = "service_request_id", required = false) String ids,
                                       @RequestParam(name = "service_code", required = false) String serviceCode,
                                       @RequestParam(required = false) String status,
                                       @RequestParam(name = "start_date", required = false) String startDate,
                                       @RequestParam(name = "end_date", required = false) String endDate) {
        return xml(HttpStatus.OK, Open311Xml.requests(requests(ids, serviceCode, status, startDate, endDate)));
    }

    /**
     * Any other path or method under {@code /open311}: Open311 clients read {@code [{code, description}]} (its XML
     * for a {@code .xml} resource) and nothing else, so "no such resource" and "not this method" are said in that
     * format too.
     */
    @RequestMapping("/open311/**")
    ResponseEntity<?> elsewhere(HttpServletRequest http) {
        String path = http.getRequestURI();
        if (path.equals(BASE + "/requests.json") || path.equals(BASE + "/requests.xml")) {
            return notAllowed(http.getMethod(), HttpMethod.GET, HttpMethod.POST);
        }
        if (path.equals(BASE + "/services.json") || path.equals(BASE + "/services.xml")
                || ONE_REQUEST.matcher(path).matches() || DISCOVERY.matcher(path).matches()) {
            return notAllowed(http.getMethod(), HttpMethod.GET);
        }
        throw new Open311Exception(HttpStatus.NOT_FOUND, List.of("path: no Open311 resource here; this city serves "
                + "/open311/discovery.{json|xml}, " + BASE + "/services.{json|xml}, " + BASE
                + "/requests.{json|xml} and " + BASE + "/requests/{id}.{json|xml}"));
    }

    private record Submitted(String id, boolean created, List<Open311Receipt> receipt) {
    }

    private Submitted take(String key, HttpServletRequest http) {
        Open311Submission submission = Open311Submission.from(fields(http));
        validate(submission);
        String idempotencyKey = key == null ? "open311:" + UUID.randomUUID() : checked(key);
        String client = ClientAddress.of(http);
        ReportOutcome outcome = intake.report(submission.toReport(idempotencyKey), client);
        CaseFile file = outcome.caseFile();
        return new Submitted(file.id(), outcome.created(), List.of(new Open311Receipt(file.id(), notice(file), null)));
    }

    private static ResponseEntity<String> xml(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(Open311Xml.TEXT_XML).body(body);
    }

    private String w3c(Instant at) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).atZone(clock.getZone()).toOffsetDateTime());
    }

    private static ResponseEntity<?> notAllowed(String method, HttpMethod... allowed) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ALLOW, String.join(",", Arrays.stream(allowed).map(HttpMethod::name).toList()));
        return Open311Error.answer(HttpStatus.METHOD_NOT_ALLOWED,
                Open311Error.of(HttpStatus.METHOD_NOT_ALLOWED.value(), List.of("method: " + method
                        + " is not supported here; use " + String.join(" or ",
                        Arrays.stream(allowed).map(HttpMethod::name).toList()))), headers);
    }

    private Map<String, String> fields(HttpServletRequest http) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (isJson(http.getContentType())) {
            JsonNode body = readJson(http);
            for (Map.Entry<String, JsonNode> field : body.properties()) {
                JsonNode value = field.getValue();
                if (value.isNull()) {
                    continue;
                }
                if (!value.isString() && !value.isNumber()) {
                    throw Open311Exception.badRequest(field.getKey(), "must be a single text or number");
                }
                fields.put(field.getKey(), value.asString());
            }
        } else {
            http.getParameterMap().forEach((name, values) -> fields.put(name, values.length == 0 ? null : values[0]));
        }
        return fields;
    }

    private JsonNode readJson(HttpServletRequest http) {
        try {
            JsonNode body = json.readTree(http.getInputStream());
            if (body == null || !body.isObject()) {
                throw Open311Exception.badRequest("body", "must be a JSON object of Open311 fields");
            }
            return body;
        } catch (JacksonException | IOException e) {
            throw Open311Exception.badRequest("body", "is not valid JSON");
        }
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.getSubtype().endsWith("+json");
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
    }

    private void validate(Open311Submission submission) {
        List<String> problems = validator.validate(submission).stream()
                .map(Open311Controller::describe)
                .sorted()
                .toList();
        if (!problems.isEmpty()) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST, problems);
        }
    }

    private static String describe(ConstraintViolation<Open311Submission> violation) {
        return Open311Fields.name(violation.getPropertyPath().toString()) + ": " + violation.getMessage();
    }

    private static String checked(String key) {
        if (!key.matches("[A-Za-z0-9._:-]{8,100}")) {
            throw Open311Exception.badRequest("Idempotency-Key",
                    "must be 8 to 100 letters, digits or . _ : -, e.g. a UUID");
        }
        return key;
    }

    /** What happens next, in the citizen's words: the filing deadline, and a hint when it looks like a duplicate. */
    private String notice(CaseFile file) {
        Instant due = file.filing().filingDueBy();
        String next = due == null ? "已收到，值班员将尽快受理"
                : "已收到，值班员将于" + NOTICE_TIME.format(due.atZone(clock.getZone())) + "前完成受理审核";
        return file.probableDuplicates().isEmpty() ? next : next + "；附近已有同类问题在处理，可能合并办理";
    }
}
