// Loaded into a benchmarked gateway process with `node --import`: answers
// messages on the IPC channel with its CPU time and memory, and starts/stops a
// CPU profile of the measured phase only (not start-up or warm-up), so the
// benchmark reads the gateway's own figures without touching its code.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

process.channel?.unref();
let session;
const post = (method, params) =>
  new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));

process.on('message', async (message) => {
  if (message === 'probe') {
    process.send?.({ cpu: process.cpuUsage(), memory: process.memoryUsage() });
  } else if (message === 'profile-start') {
    session = new Session();
    session.connect();
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 200 });
    await post('Profiler.start');
    process.send?.('profiling');
  } else if (typeof message === 'string' && message.startsWith('profile-stop:')) {
    const { profile } = await post('Profiler.stop');
    writeFileSync(message.slice('profile-stop:'.length), JSON.stringify(profile));
    session.disconnect();
    process.send?.('profiled');
  }
});
