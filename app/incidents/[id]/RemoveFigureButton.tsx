'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callApi, errorMessage } from '@/app/_client/api';

/** Takes out a figure that was added to the incident by hand. */
export function RemoveFigureButton({ incidentId, annotationId, quote }: { incidentId: number; annotationId: number; quote: string }) {
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className="small"
        aria-label={`Remove “${quote}” from this incident`}
        onClick={async () => {
          setProblem(null);
          try {
            await callApi('DELETE', `/api/events/${incidentId}/figures`, { annotationId });
            router.refresh();
          } catch (error) {
            setProblem(errorMessage(error));
          }
        }}
      >
        Remove
      </button>
      {problem && <span role="alert">{problem}</span>}
    </>
  );
}
