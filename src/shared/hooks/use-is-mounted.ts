import { useCallback, useEffect, useRef } from 'react';

/**
 * Function calls outlive a card or page that HubSpot unmounts; results that arrive after that are
 * dropped.
 */
export function useIsMounted(): () => boolean {
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  return useCallback(() => mounted.current, []);
}
