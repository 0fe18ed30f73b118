package io.cityloop.infra;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * The embedded broker as its own operating-system process, for drills that kill the broker ({@code kill -9}) and
 * start it again on the same ports and log directory. Started by {@link KafkaBrokerProcess}; not used by the
 * default launcher, which keeps the broker in its own JVM.
 *
 * <p>Arguments: {@code host brokerPort controllerPort dataDirectory}. Prints {@link #READY} once the CityLoop topics
 * exist and accept writes. Stops when its standard input closes, so a parent that dies leaves no broker behind.
 */
public final class KafkaBrokerMain {

    /** The line printed on standard output once the broker takes writes. */
    public static final String READY = "CITYLOOP-KAFKA-BROKER-READY";

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: KafkaBrokerMain host brokerPort controllerPort dataDirectory");
            System.exit(2);
        }
        KafkaSettings settings = new KafkaSettings(args[0], Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                Path.of(args[3]), KafkaSettings.DEFAULT_PARTITIONS);
        EmbeddedKafka kafka = EmbeddedKafka.start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "kafka-broker-stop"));
        kafka.createTopics(CityLoopTopics.all());
        System.out.println(READY + " " + kafka.bootstrapServers());
        System.out.flush();
        InputStream parent = System.in;
        while (parent.read() >= 0) {
            // the parent never writes; end of input means it is gone
        }
        System.exit(0);
    }
}
