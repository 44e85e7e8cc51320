/* Payload's admin shell. Generated shape (see Payload docs); ours: the import paths, and <html dir>
   for Urdu (translations/languages.ts) decided from the same request language Payload uses. */
import config from '@payload-config'
import '@payloadcms/next/css'
import type { ServerFunctionClient } from 'payload'
import { getRequestLanguage } from 'payload'
import { handleServerFunctions, RootLayout } from '@payloadcms/next/layouts'
import { cookies, headers } from 'next/headers'
import React from 'react'

import { adminHtmlProps } from '../../translations/languages'
import { importMap } from './admin/importMap.js'
import './custom.css'

type Args = { children: React.ReactNode }

const serverFunction: ServerFunctionClient = async function (args) {
  'use server'
  return handleServerFunctions({ ...args, config, importMap })
}

const Layout = async ({ children }: Args) => {
  const language = getRequestLanguage({ config: await config, cookies: await cookies(), headers: await headers() })
  return (
    <RootLayout config={config} htmlProps={adminHtmlProps(language)} importMap={importMap} serverFunction={serverFunction}>
      {children}
    </RootLayout>
  )
}

export default Layout
