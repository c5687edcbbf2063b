package io.newspipe.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/** What a stalled test needs to know about the broker: offsets, stable offsets, groups and open transactions. */
final class KafkaStateDump {

    private KafkaStateDump() {
    }

    static String of(String bootstrap, Collection<String> groups) {
        StringBuilder out = new StringBuilder("---- Kafka state ----\n");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            var names = admin.listTopics().names().get(15, TimeUnit.SECONDS);
            Map<String, TopicDescription> topics = new TreeMap<>(
                    admin.describeTopics(names).allTopicNames().get(15, TimeUnit.SECONDS));
            List<TopicPartition> partitions = new ArrayList<>();
            topics.forEach((name, d) -> d.partitions().forEach(p -> {
                partitions.add(new TopicPartition(name, p.partition()));
            }));
            Map<TopicPartition, OffsetSpec> latest = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
            partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            var end = admin.listOffsets(latest).all().get(15, TimeUnit.SECONDS);
            var stable = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                    .all().get(15, TimeUnit.SECONDS);
            var producers = admin.describeProducers(partitions).all().get(15, TimeUnit.SECONDS);
            for (TopicPartition tp : latest.keySet()) {
                out.append(String.format("%-60s end %8d  stable %8d  leader %s%n", tp, end.get(tp).offset(),
                        stable.get(tp).offset(), topics.get(tp.topic()).partitions().get(tp.partition()).leader()));
                producers.get(tp).activeProducers().stream()
                        .filter(p -> p.currentTransactionStartOffset().isPresent())
                        .forEach(p -> out.append("    open transaction: ").append(p).append('\n'));
            }
            for (String g : groups) {
                out.append("group ").append(g).append(": ")
                        .append(admin.describeConsumerGroups(List.of(g)).all().get(15, TimeUnit.SECONDS).get(g))
                        .append('\n');
                Map<TopicPartition, OffsetAndMetadata> committed = new TreeMap<>(
                        java.util.Comparator.comparing(Object::toString));
                committed.putAll(admin.listConsumerGroupOffsets(g).partitionsToOffsetAndMetadata()
                        .get(15, TimeUnit.SECONDS));
                committed.forEach((tp, o) -> out.append(String.format("    committed %-50s %8d%n", tp,
                        o == null ? -1 : o.offset())));
            }
            admin.listTransactions().all().get(15, TimeUnit.SECONDS)
                    .forEach(tx -> out.append("transaction ").append(tx).append('\n'));
        } catch (Exception e) {
            out.append("(could not read the Kafka state: ").append(e).append(")\n");
        }
        return out.toString();
    }
}
