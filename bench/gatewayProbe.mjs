// Loaded into a benchmarked gateway process with `node --import`: answers
// 'probe' messages on the IPC channel with its CPU time and memory, so the
// benchmark reads the gateway's own figures without touching its code.
process.channel?.unref();
process.on('message', (message) => {
  if (message !== 'probe') return;
  process.send?.({ cpu: process.cpuUsage(), memory: process.memoryUsage() });
});
