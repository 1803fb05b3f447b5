"use client";

import { useRef, useState, type DragEvent } from "react";

export function DropZone({ onFiles }: { onFiles: (files: File[]) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  function onDrop(event: DragEvent) {
    event.preventDefault();
    setOver(false);
    onFiles([...event.dataTransfer.files]);
  }
  return (
    <div
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      className={`flex flex-col items-center justify-center rounded-lg border-2 border-dashed px-6 py-10 text-center transition ${
        over ? "border-sky-500 bg-sky-50 dark:bg-sky-950/40" : "border-slate-300 bg-white dark:border-slate-700 dark:bg-slate-900"
      }`}
    >
      <p className="text-base font-medium">Drop log files here</p>
      <p className="mt-1 text-slate-500">EVTX · Windows XML · Elastic/Winlogbeat JSON · NXLog JSON · .gz · .zip</p>
      <button
        type="button"
        onClick={() => input.current?.click()}
        className="mt-4 rounded-md bg-sky-600 px-3.5 py-2 font-medium text-white hover:bg-sky-700"
      >
        Choose files
      </button>
      <input
        ref={input}
        type="file"
        multiple
        aria-label="Log files to upload"
        className="sr-only"
        onChange={(event) => {
          onFiles([...(event.target.files ?? [])]);
          event.target.value = "";
        }}
      />
    </div>
  );
}
