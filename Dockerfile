# newspipe: one image for every stage.
#   docker build -t newspipe:0.1.0 .
#   docker run --rm newspipe:0.1.0 --help
#   docker run --rm -e NEWSPIPE_KAFKA_BOOTSTRAP_SERVERS=broker:9092 newspipe:0.1.0 enrich
# The stages (ingest --watch, enrich, sink) answer GET /health/ready on NEWSPIPE_METRICS_PORT (9400); the
# HEALTHCHECK below probes it. `demo` and `up` (the embedded local stack) are not part of the image: use
# docker-compose.yml instead.

# ---- build: Maven + JDK 17 ------------------------------------------------------------------------------------
FROM maven:3.9.11-eclipse-temurin-17 AS build
WORKDIR /src

# The build files first, so the dependency layer below is rebuilt only when a pom.xml changes: building the
# modules without their sources makes Maven download exactly the dependencies and plugins the real build uses
# (dependency:go-offline resolves a different, larger set, some of it not on Maven Central).
COPY pom.xml ./
COPY common/pom.xml common/
COPY schemas/pom.xml schemas/
COPY localstack/pom.xml localstack/
COPY ingest/pom.xml ingest/
COPY enrich/pom.xml enrich/
COPY sink/pom.xml sink/
COPY cli/pom.xml cli/
COPY demo/pom.xml demo/
COPY benchmarks/pom.xml benchmarks/
RUN mkdir -p schemas/src/main/avro \
 && mvn -B -q -pl cli -am -DskipApicurio=true -Dmaven.test.skip=true -Dexec.skip=true package \
 && rm -rf ./*/target

# Then the sources. Tests do not run here (CI runs them); the registry that only the local stack uses is skipped.
# The local stack is built only because cli's tests use it; the runtime class path copied below never holds it
# (RuntimeClasspathTest checks that list).
COPY common/ common/
COPY schemas/ schemas/
COPY localstack/ localstack/
COPY ingest/ ingest/
COPY enrich/ enrich/
COPY sink/ sink/
COPY cli/ cli/
RUN mvn -B -q -pl cli -am -DskipApicurio=true -Dmaven.test.skip=true install \
 && mvn -B -q -pl cli dependency:copy-dependencies -DincludeScope=runtime \
        -DexcludeGroupIds=io.newspipe -DoutputDirectory=/out/lib \
 && mvn -B -q -pl cli dependency:copy-dependencies -DincludeScope=runtime \
        -DincludeGroupIds=io.newspipe -DoutputDirectory=/out/app \
 && cp cli/target/newspipe-cli.jar /out/app/

# ---- runtime: JRE 17 ------------------------------------------------------------------------------------------
FROM eclipse-temurin:17.0.16_8-jre-noble

LABEL org.opencontainers.image.title="newspipe" \
      org.opencontainers.image.description="Kafka pipeline for online news: ingest, enrich (clean + tag), sink" \
      org.opencontainers.image.version="0.1.0"

RUN groupadd --system --gid 10001 newspipe \
 && useradd --system --uid 10001 --gid newspipe --home-dir /var/lib/newspipe --create-home \
        --shell /usr/sbin/nologin newspipe \
 && mkdir -p /var/lib/newspipe/ingest-state /var/lib/newspipe/streams \
 && chown -R newspipe:newspipe /var/lib/newspipe \
 && printf '%s\n' '#!/bin/sh' \
        '# newspipe COMMAND [OPTIONS]: every option also has a NEWSPIPE_* environment variable (newspipe --help)' \
        'exec java ${NEWSPIPE_JAVA_OPTS:-} -cp "/opt/newspipe/lib/*:/opt/newspipe/app/*" io.newspipe.cli.Main "$@"' \
        > /usr/local/bin/newspipe \
 && printf '%s\n' '#!/bin/bash' \
        '# exit 0 only when the stage in this container answers 200 on /health/ready (bash /dev/tcp: no curl here)' \
        'exec 3<>"/dev/tcp/127.0.0.1/${NEWSPIPE_METRICS_PORT:-9400}" || exit 1' \
        'printf "GET /health/ready HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3' \
        'read -r _ code _ <&3' \
        '[ "$code" = 200 ]' \
        > /usr/local/bin/newspipe-healthcheck \
 && chmod 0755 /usr/local/bin/newspipe /usr/local/bin/newspipe-healthcheck

# Third-party jars (change rarely) and ours (change every build) in separate layers.
COPY --from=build /out/lib/ /opt/newspipe/lib/
COPY --from=build /out/app/ /opt/newspipe/app/

ENV NEWSPIPE_JAVA_OPTS="-XX:MaxRAMPercentage=75.0 -XX:+ExitOnOutOfMemoryError" \
    NEWSPIPE_LOG_LEVEL=INFO \
    NEWSPIPE_METRICS_PORT=9400 \
    NEWSPIPE_ENRICH_STATE_DIR=/var/lib/newspipe/streams

USER 10001:10001
WORKDIR /var/lib/newspipe
EXPOSE 9400
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 CMD ["newspipe-healthcheck"]
ENTRYPOINT ["newspipe"]
CMD ["--help"]
