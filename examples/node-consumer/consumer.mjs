// A minimal consumer of news.enriched in Node.js. It decodes every record with Confluent's JavaScript Schema
// Registry client at its default settings (the writer schema is fetched by the id each record carries) and prints
// one JSON line per article: id, title, topics and related headlines.
//
//   npm ci
//   BOOTSTRAP_SERVERS=localhost:9092 SCHEMA_REGISTRY_URL=http://localhost:8081 node consumer.mjs
//
// Settings, from the environment:
//   BOOTSTRAP_SERVERS    Kafka brokers, comma-separated            [localhost:9092]
//   SCHEMA_REGISTRY_URL  Confluent-compatible Schema Registry      [http://localhost:8081]
//   TOPIC                the enriched topic                        [news.enriched]
//   GROUP_ID             consumer group                            [newspipe-node-example]
//   MAX_RECORDS          stop after this many records; 0 = never   [0]
//   IDLE_EXIT_MS         stop after this long without a record; 0 = never [0]
import kafkajs from 'kafkajs';
import LZ4Codec from 'kafkajs-lz4';
import { AvroDeserializer, SchemaRegistryClient, SerdeType } from '@confluentinc/schemaregistry';

const { CompressionCodecs, CompressionTypes, Kafka, logLevel } = kafkajs;

// newspipe's producers compress with lz4; KafkaJS reads only gzip until a codec is registered
CompressionCodecs[CompressionTypes.LZ4] = new LZ4Codec().codec;

const bootstrap = (process.env.BOOTSTRAP_SERVERS ?? 'localhost:9092').split(',');
const registryUrl = process.env.SCHEMA_REGISTRY_URL ?? 'http://localhost:8081';
const topic = process.env.TOPIC ?? 'news.enriched';
const groupId = process.env.GROUP_ID ?? 'newspipe-node-example';
const maxRecords = Number(process.env.MAX_RECORDS ?? 0);
const idleExitMs = Number(process.env.IDLE_EXIT_MS ?? 0);

const registry = new SchemaRegistryClient({ baseURLs: [registryUrl] });
// No options: what a new user writes first. The contract decodes without the BigInt or union settings.
const values = new AvroDeserializer(registry, SerdeType.VALUE, {});

const kafka = new Kafka({ clientId: 'newspipe-node-example', brokers: bootstrap, logLevel: logLevel.ERROR });
// enrich writes in Kafka transactions: read only what was committed (KafkaJS's default, said out loud)
const consumer = kafka.consumer({ groupId, readUncommitted: false });

let seen = 0;
let failed = 0;
let lastRecordAt = Date.now();
let stopping = false;

async function stop(code) {
  if (stopping) return;
  stopping = true;
  // a consumer still joining its group can take long to leave: do not wait for it past a few seconds
  await Promise.race([consumer.disconnect(), new Promise((resolve) => setTimeout(resolve, 5000))]);
  console.error(`node consumer: ${seen} records, ${failed} could not be decoded`);
  process.exit(code ?? (failed > 0 ? 1 : 0));
}

process.on('SIGINT', () => stop());
process.on('SIGTERM', () => stop());

await consumer.connect();
await consumer.subscribe({ topic, fromBeginning: true });
await consumer.run({
  eachMessage: async ({ message }) => {
    lastRecordAt = Date.now();
    seen += 1;
    try {
      const article = await values.deserialize(topic, message.value);
      console.log(JSON.stringify({
        id: message.key.toString('utf8'),
        schema_id: message.value.readInt32BE(1),
        title: article.title,
        topics: article.topics.map((topic) => topic.label),
        related_headlines: article.related_headlines,
        simhash_hex: article.simhash_hex,
      }));
    } catch (error) {
      failed += 1;
      console.error(`node consumer: record at offset ${message.offset} not decoded: ${error.message}`);
    }
    if (maxRecords > 0 && seen >= maxRecords) {
      // disconnecting waits for this handler to return: stop after it has
      setImmediate(() => stop());
    }
  },
});

if (idleExitMs > 0) {
  setInterval(() => {
    if (Date.now() - lastRecordAt > idleExitMs) stop();
  }, 200);
}
