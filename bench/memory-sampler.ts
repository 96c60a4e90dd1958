import { writeFileSync } from 'node:fs';
import { constants, PerformanceObserver, performance } from 'node:perf_hooks';

// P3's memory figures per phase: the highest RSS (the goal), the highest JS heap in use, and the highest heap left
// after a full GC — the live set. When RSS is far above the live set, the heap is garbage V8 has not yet collected
// (it grows the heap with the allocation rate), not a leak.

export interface PhaseMemory {
  maxRssMb: number;
  maxHeapMb: number;
  /** Highest heap in use right after a full (mark-compact) GC; null when none ran in the phase. */
  liveAfterFullGcMb: number | null;
  fullGcs: number;
}

const MB = 1024 * 1024;

/** Samples every 100 ms while a phase is set. BENCH_P3_TRACE_MEMORY=file.json keeps every sample, to plot. */
export function startMemorySampler() {
  const rss: Record<string, number> = {};
  const heap: Record<string, number> = {};
  const live: Record<string, number> = {};
  const fullGcs: Record<string, number> = {};
  const trace: Record<string, unknown>[] = [];
  let phase: string | null = null;
  const sample = () => {
    if (!phase) return;
    const memory = process.memoryUsage();
    rss[phase] = Math.max(rss[phase] ?? 0, memory.rss);
    heap[phase] = Math.max(heap[phase] ?? 0, memory.heapUsed);
    if (process.env.BENCH_P3_TRACE_MEMORY) trace.push({ at: Math.round(performance.now()), phase, ...memory });
  };
  const gcs = new PerformanceObserver((list) => {
    if (!phase) return;
    for (const entry of list.getEntries()) {
      if ((entry as unknown as { detail?: { kind?: number } }).detail?.kind !== constants.NODE_PERFORMANCE_GC_MAJOR) continue;
      fullGcs[phase] = (fullGcs[phase] ?? 0) + 1;
      live[phase] = Math.max(live[phase] ?? 0, process.memoryUsage().heapUsed);
    }
  });
  gcs.observe({ entryTypes: ['gc'] });
  const timer = setInterval(sample, 100);
  return {
    phase(name: string | null) {
      sample();
      phase = name;
      sample();
    },
    of(name: string): PhaseMemory {
      return {
        maxRssMb: Math.round((rss[name] ?? 0) / MB),
        maxHeapMb: Math.round((heap[name] ?? 0) / MB),
        liveAfterFullGcMb: live[name] === undefined ? null : Math.round(live[name] / MB),
        fullGcs: fullGcs[name] ?? 0,
      };
    },
    stop() {
      clearInterval(timer);
      gcs.disconnect();
      if (process.env.BENCH_P3_TRACE_MEMORY) writeFileSync(process.env.BENCH_P3_TRACE_MEMORY, `${JSON.stringify(trace)}\n`);
    },
  };
}

export function describeMemory(memory: PhaseMemory): string {
  const live = memory.liveAfterFullGcMb === null ? 'no full GC' : `≤ ${memory.liveAfterFullGcMb} MB live after ${memory.fullGcs} full GCs`;
  return `${memory.maxRssMb} MB (JS heap in use ≤ ${memory.maxHeapMb} MB, ${live})`;
}
