package io.cityloop.intake.casefile.adapters.open311;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.http.MediaType;

/**
 * GeoReport v2's XML format, element for element as its JSON: {@code <services><service>…}, {@code
 * <service_requests><request>…} (for the list, a single request and a new request's receipt alike), {@code
 * <errors><error><code/><description/></error></errors>} and {@code <discovery>}. UTF-8 with the XML declaration
 * naming it, as the specification requires; an empty value is an empty element. Text is escaped by the StAX writer;
 * what reaches here has passed the plain-text rule, so it holds no character XML 1.0 cannot carry.
 */
final class Open311Xml {

    static final MediaType TEXT_XML = new MediaType("text", "xml", StandardCharsets.UTF_8);
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private Open311Xml() {
    }

    /** Whether the request asked for XML by the resource's suffix ({@code services.xml}). */
    static boolean wanted(String path) {
        return path != null && path.endsWith(".xml");
    }

    static String services(List<Open311Service> services) {
        return document("services", xml -> {
            for (Open311Service service : services) {
                xml.writeStartElement("service");
                element(xml, "service_code", service.serviceCode());
                element(xml, "service_name", service.serviceName());
                element(xml, "description", service.description());
                element(xml, "metadata", Boolean.toString(service.metadata()));
                element(xml, "type", service.type());
                element(xml, "keywords", service.keywords());
                element(xml, "group", service.group());
                xml.writeEndElement();
            }
        });
    }

    static String requests(List<Open311ServiceRequest> requests) {
        return document("service_requests", xml -> {
            for (Open311ServiceRequest request : requests) {
                xml.writeStartElement("request");
                element(xml, "service_request_id", request.serviceRequestId());
                element(xml, "status", request.status());
                element(xml, "status_notes", request.statusNotes());
                element(xml, "service_name", request.serviceName());
                element(xml, "service_code", request.serviceCode());
                element(xml, "description", request.description());
                element(xml, "requested_datetime", request.requestedDatetime());
                element(xml, "updated_datetime", request.updatedDatetime());
                element(xml, "address", request.address());
                element(xml, "lat", Double.toString(request.lat()));
                element(xml, "long", Double.toString(request.lon()));
                xml.writeEndElement();
            }
        });
    }

    static String receipts(List<Open311Receipt> receipts) {
        return document("service_requests", xml -> {
            for (Open311Receipt receipt : receipts) {
                xml.writeStartElement("request");
                element(xml, "service_request_id", receipt.serviceRequestId());
                element(xml, "service_notice", receipt.serviceNotice());
                element(xml, "account_id", receipt.accountId());
                xml.writeEndElement();
            }
        });
    }

    static String errors(List<Open311Error> errors) {
        return document("errors", xml -> {
            for (Open311Error error : errors) {
                xml.writeStartElement("error");
                element(xml, "code", Integer.toString(error.code()));
                element(xml, "description", error.description());
                xml.writeEndElement();
            }
        });
    }

    static String discovery(Open311Discovery discovery) {
        return document("discovery", xml -> {
            element(xml, "changeset", discovery.changeset());
            element(xml, "contact", discovery.contact());
            element(xml, "key_service", discovery.keyService());
            xml.writeStartElement("endpoints");
            for (Open311Discovery.Endpoint endpoint : discovery.endpoints()) {
                xml.writeStartElement("endpoint");
                element(xml, "specification", endpoint.specification());
                element(xml, "url", endpoint.url());
                element(xml, "changeset", endpoint.changeset());
                element(xml, "type", endpoint.type());
                xml.writeStartElement("formats");
                for (String format : endpoint.formats()) {
                    element(xml, "format", format);
                }
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
        });
    }

    private interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private static String document(String root, Body body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement(root);
            body.write(xml);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write Open311 XML", e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        if (value == null || value.isEmpty()) {
            xml.writeEmptyElement(name);
            return;
        }
        xml.writeStartElement(name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }
}
