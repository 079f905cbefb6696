# Sourced by the benchmark scripts: builds stream-jobs with its test classes and sets CP to the
# classpath the benchmarks run on, and MACHINE to a line describing this machine.
mvn -B -q -ntp -DskipTests install -pl stream-jobs -am
mvn -B -q -ntp test-compile -pl stream-jobs
mvn -B -q -ntp dependency:build-classpath -pl stream-jobs -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/stream-jobs/target/bench-classpath.txt"
CP="stream-jobs/target/test-classes:stream-jobs/target/classes:$(cat stream-jobs/target/bench-classpath.txt)"
MACHINE="$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -n 1)"
export CP MACHINE
